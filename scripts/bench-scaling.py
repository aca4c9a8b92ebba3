#!/usr/bin/env python3
"""Shows how copydesk's CPU time grows with each dimension of its input (issue 15).

For each dimension it lints inputs at four sizes, each double the last, and
prints the median CPU time (user + sys) of several runs and the ratio of each
step to the one before. The target is linear growth: doubling one dimension at
most doubles the time, +15% for noise (a step ratio of at most 2.30).

  size      one Markdown article made of PolNeAR train paragraphs, 1/2/4/8 MB
            (past the corpus's 3.9 MB the paragraphs come round again, as
            repeats)
  articles  copies of the PolNeAR train articles, 1x/2x/4x/8x
  repeats   one invented paragraph repeated 2k/4k/8k/16k times in one file
  notices   125/250/500/1,000 invented legal notices in the policy, over
            PolNeAR train; also 1,000 against a policy with none (target 1.5x)
  excludes  1,250/2,500/5,000/10,000 exclude globs in the policy that match no
            article, over PolNeAR train; also 10,000 against none (target 1.5x)
  terms     1,250/2,500/5,000/10,000 terms in a .vale.ini style's existence
            rule, over PolNeAR train; skipped when `copydesk lint` does not
            apply .vale.ini styles yet
  memory    peak RSS of 50,000 small articles (target < 150 MB) and of one
            50 MB article (target < 400 MB)

CPU time and peak memory come from the kernel's accounting of the copydesk
process (wait4 rusage, the figures GNU time prints as %U %S and %M); every run
goes through /usr/bin/time -f %M as well, and the peak printed is its figure.
The machine may be busy: CPU time is less sensitive to that than wall time,
and ratios are only comparable within one run of this script.

The corpus is read at run time from ../shared (never copied into the
repository); generated inputs live in a temporary directory that is removed at
the end.

usage: scripts/bench-scaling.py [--copydesk PATH] [--quick] [--only DIM[,DIM]]
                                [--runs N] [--timeout SECONDS] [--shared DIR]

The binary is --copydesk, else $COPYDESK_BIN, else .build/release/copydesk
after `swift build -c release` in the repository root.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIMENSIONS = ["size", "articles", "repeats", "notices", "excludes", "terms", "memory"]
STEP_LIMIT = 2.0 * 1.15     # doubling an input at most doubles the time, +15%
NONE_LIMIT = 1.5            # 1,000 notices or 10,000 excludes against none
MB = 1_000_000

FULL = {
    "size_mb": [1, 2, 4, 8],
    "copies": [1, 2, 4, 8],
    "repeats": [2000, 4000, 8000, 16000],
    "notices": [125, 250, 500, 1000],
    "excludes": [1250, 2500, 5000, 10000],
    "terms": [1250, 2500, 5000, 10000],
    "policy_corpus_files": None,    # all of PolNeAR train
    "memory_files": 50000,
    "memory_mb": 50,
}
QUICK = {
    "size_mb": [0.125, 0.25, 0.5, 1],
    "copies": [0.25, 0.5, 1, 2],
    "repeats": [1000, 2000, 4000, 8000],
    "notices": [125, 250, 500, 1000],
    "excludes": [125, 250, 500, 1000],
    "terms": [125, 250, 500, 1000],
    "policy_corpus_files": None,
    "memory_files": 5000,
    "memory_mb": 5,
}

misses = []     # lines for the summary


def die(message):
    print(f"bench-scaling: {message}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- measuring

class Timeout(Exception):
    pass


class Runner:
    def __init__(self, copydesk, runs, timeout, scratch):
        self.copydesk = copydesk
        self.runs = runs
        self.timeout = timeout
        self.scratch = scratch

    def once(self, args, cwd):
        """Runs copydesk once; returns (cpu seconds, peak KB, wall seconds)."""
        time_out = os.path.join(self.scratch, "time.out")
        err_path = os.path.join(self.scratch, "stderr.out")
        cmd = ["/usr/bin/time", "-f", "%M", "-o", time_out, self.copydesk] + args
        with open(err_path, "wb") as err:
            start = time.monotonic()
            proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True)
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - start > self.timeout:
                    os.killpg(proc.pid, 9)   # time and copydesk
                    os.wait4(proc.pid, 0)
                    proc.returncode = -9
                    raise Timeout()
                time.sleep(0.002)
            wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        code = proc.returncode
        # 0 and 1 (findings) are successful runs; 2 is an input or policy error.
        if code not in (0, 1):
            with open(err_path, "rb") as f:
                tail = f.read()[-2000:].decode("utf-8", "replace")
            die(f"copydesk {' '.join(args[:6])} ... exited {code} in {cwd}:\n{tail}")
        try:
            with open(time_out) as f:
                peak_kb = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            peak_kb = usage.ru_maxrss
        return usage.ru_utime + usage.ru_stime, peak_kb, wall

    def median(self, args, cwd, runs=None):
        """Median CPU seconds, peak KB and wall seconds of several runs."""
        results = [self.once(args, cwd) for _ in range(runs or self.runs)]
        mid = len(results) // 2
        return (sorted(r[0] for r in results)[mid],
                sorted(r[1] for r in results)[mid],
                sorted(r[2] for r in results)[mid])


def table(runner, title, unit, steps, prepare, none_step=None, none_limit_label=None):
    """Measures each step (label, prepare-argument) in order and prints the table.

    prepare(value) returns (args, cwd). none_step, when given, is a (label,
    value) measured first; the largest step is then compared with it.
    """
    short = re.split(r"[:,]", title)[0]
    print(f"\n== {title} ==")
    print(f"  {unit:>22}  {'CPU s':>8}  {'wall s':>7}  {'peak MB':>8}  step ratio (target <= {STEP_LIMIT:.2f})")
    measured = []
    base = None
    if none_step is not None:
        label, value = none_step
        args, cwd = prepare(value)
        try:
            base, peak, wall = runner.median(args, cwd)
            print(f"  {label:>22}  {base:8.3f}  {wall:7.3f}  {peak / 1024:8.1f}")
        except Timeout:
            print(f"  {label:>22}  > {runner.timeout:.0f} s timeout")
            return
    previous = None
    for label, value in steps:
        args, cwd = prepare(value)
        try:
            cpu, peak, wall = runner.median(args, cwd)
        except Timeout:
            print(f"  {label:>22}  > {runner.timeout:.0f} s (timed out; larger sizes skipped)")
            misses.append(f"{short}: {label} timed out after {runner.timeout:.0f} s")
            return
        note = ""
        if previous is not None:
            ratio = cpu / previous if previous > 0 else float("inf")
            verdict = "ok" if ratio <= STEP_LIMIT else "MISSES"
            note = f"{ratio:5.2f}x  {verdict}"
            if verdict != "ok":
                misses.append(f"{short}: {measured[-1][0]} -> {label} took {ratio:.2f}x the CPU time")
        print(f"  {label:>22}  {cpu:8.3f}  {wall:7.3f}  {peak / 1024:8.1f}  {note}")
        measured.append((label, cpu))
        previous = cpu
    if base is not None and measured:
        label, cpu = measured[-1]
        ratio = cpu / base if base > 0 else float("inf")
        verdict = "ok" if ratio <= NONE_LIMIT else "MISSES"
        print(f"  {label} against {none_step[0]}: {ratio:.2f}x  (target <= {NONE_LIMIT}x{none_limit_label or ''})  {verdict}")
        if verdict != "ok":
            misses.append(f"{short}: {label} took {ratio:.2f}x the CPU time of {none_step[0]} (target {NONE_LIMIT}x)")


# ---------------------------------------------------------------- inputs

SYLLABLES = ["ba", "cor", "del", "fen", "gra", "hul", "ith", "jon", "kel", "lum", "mar", "nox",
             "ost", "pel", "quin", "ras", "sol", "tav", "ul", "ven", "wex", "yor", "zan", "bri",
             "dro", "fli", "gne", "plo", "stra", "tri"]


def invented_word(rng, syllables=(2, 4)):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(*syllables)))


def invented_sentence(rng, words):
    body = " ".join(invented_word(rng) for _ in range(words))
    return body[0].upper() + body[1:] + "."


# An invented paragraph (not from any corpus), long enough for
# duplicate-paragraph to compare it (8 words or more).
REPEATED_PARAGRAPH = ("The harbour board of Velmore met on Tuesday evening and voted to keep the "
                      "old ferry timetable for another winter.")


def corpus_articles(corpus):
    files = sorted(os.path.join(corpus, name) for name in os.listdir(corpus) if name.endswith(".txt"))
    if not files:
        die(f"no .txt articles in {corpus}")
    return files


def corpus_paragraphs(files):
    paragraphs = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
    return paragraphs


def write_concatenation(path, paragraphs, size):
    """One Markdown article of about `size` bytes: a headline, then the corpus's
    paragraphs in order, from the start again when they run out."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        head = "# Bench article\n\n"
        out.write(head)
        written += len(head.encode())
        i = 0
        while written < size:
            chunk = paragraphs[i % len(paragraphs)] + "\n\n"
            out.write(chunk)
            written += len(chunk.encode())
            i += 1
    return written


def place_copies(files, dest, count, per_folder=None):
    """Copies `count` articles (the corpus files in turn) under dest, in
    subfolders copy0, copy1, ... of one corpus each, or with per_folder, in
    subfolders of that many files. Copies, not hard links: copydesk lints a
    file reached by two paths once."""
    os.makedirs(dest, exist_ok=True)
    per_folder = per_folder or len(files)
    prefix = "d" if per_folder != len(files) else "copy"
    for i in range(count):
        folder = os.path.join(dest, f"{prefix}{i // per_folder:04d}")
        if i % per_folder == 0:
            os.makedirs(folder, exist_ok=True)
        source = files[i % len(files)]
        shutil.copyfile(source, os.path.join(folder, os.path.basename(source)))


def copy_articles(files, dest):
    os.makedirs(dest, exist_ok=True)
    for source in files:
        shutil.copyfile(source, os.path.join(dest, os.path.basename(source)))


def yaml_string(text):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(text)


def write_notices_policy(path, count):
    rng = random.Random(1500 + count)
    lines = ["schema: 1", f"name: bench {count} notices", "extends: default"]
    if count == 0:
        lines.append("notices: []")
    else:
        lines.append("notices:")
    used = set()
    for i in range(count):
        # Distinct invented wording per notice: 2 or 3 sentences, some in two paragraphs.
        sentences = [invented_sentence(rng, rng.randint(8, 14)) for _ in range(rng.randint(2, 3))]
        sentences[0] = f"Notice {i}: " + sentences[0]
        lines.append(f"  - id: bench-notice-{i}")
        if i % 3 == 0:
            lines.append("    text:")
            lines.append(f"      - {yaml_string(sentences[0])}")
            lines.append(f"      - {yaml_string(' '.join(sentences[1:]))}")
        else:
            lines.append(f"    text: {yaml_string(' '.join(sentences))}")
        # Conditions that the corpus does not meet, so that findings (and the
        # report) stay the same size while the rule still checks every notice.
        kind = i % 4
        word = invented_word(rng, (3, 4))
        while word in used:
            word = invented_word(rng, (3, 4))
        used.add(word)
        if kind == 0:
            lines.append(f"    required: {{when: {{mentions: [{yaml_string(word.capitalize())}, {yaml_string(word + 'ia')}]}}}}")
        elif kind == 1:
            lines.append("    required: never")
        elif kind == 2:
            lines.append(f"    required: {{when: {{front-matter: {{section: [{yaml_string(word)}]}}}}}}")
        else:
            lines.append(f"    required: {{when: {{wire: [{yaml_string(word.capitalize() + ' Wire')}]}}}}")
        lines.append(f"    placement: {['end', 'after-body', 'before-body', 'anywhere'][i % 4]}")
        if i % 5 == 0:
            lines.append(f"    forbidden-when: {{front-matter: {{region: {{not: [{yaml_string(word)}]}}}}}}")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def write_excludes_policy(path, count):
    rng = random.Random(1501)
    globs = []
    for i in range(count):
        word = invented_word(rng, (2, 3))
        kind = i % 4
        if kind == 0:
            globs.append(f"archive/{1990 + i % 30}/{word}-{i}.md")      # a literal path
        elif kind == 1:
            globs.append(f"{word}-draft-{i}")                          # a name at any depth
        elif kind == 2:
            globs.append(f"*.{word[:4]}{i}")                           # an extension
        else:
            globs.append(f"{word}-desk-{i}/**")                        # a folder
    lines = ["schema: 1", f"name: bench {count} excludes", "extends: default"]
    if count:
        lines.append("exclude:")
        lines.extend(f"  - {yaml_string(g)}" for g in globs)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def write_terms_style(folder, count):
    """A .vale.ini in `folder` whose style Bench holds an existence rule of
    `count` terms: a few words news copy uses, then invented ones."""
    rng = random.Random(1502)
    common = ["utilize", "basically", "going forward", "in order to", "unprecedented",
              "slammed", "reportedly", "stakeholder", "leverage", "at this point in time"]
    terms = common[:min(count, len(common))]
    seen = set(terms)
    while len(terms) < count:
        word = invented_word(rng, (2, 4))
        if word not in seen:
            seen.add(word)
            terms.append(word)
    styles = os.path.join(folder, "styles", "Bench")
    os.makedirs(styles, exist_ok=True)
    with open(os.path.join(folder, ".vale.ini"), "w") as out:
        out.write("StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Bench\n")
    with open(os.path.join(styles, "Terms.yml"), "w") as out:
        out.write("extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nignorecase: true\ntokens:\n")
        for term in terms:
            out.write(f"  - {yaml_string(term)}\n")


def styles_supported(copydesk, scratch):
    folder = os.path.join(scratch, "style-probe")
    write_terms_style(folder, 3)    # utilize, basically, going forward
    with open(os.path.join(folder, "probe.md"), "w") as out:
        out.write("# Probe\n\nBy Bench Writer\n\nThe council will utilize the old hall for the meeting, "
                  "the mayor said on Monday.\n")
    result = subprocess.run([copydesk, "lint", "--format", "json", "--fail-on", "never", "probe.md"],
                            cwd=folder, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        return False
    return any(f.get("ruleId") == "Bench.Terms" for file in report.get("files", []) for f in file.get("findings", []))


# ---------------------------------------------------------------- main

def find_copydesk(given):
    if given:
        path = given
    elif os.environ.get("COPYDESK_BIN"):
        path = os.environ["COPYDESK_BIN"]
    else:
        print("building release (swift build -c release)...", flush=True)
        build = subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT,
                               stdout=subprocess.DEVNULL)
        if build.returncode != 0:
            die("swift build -c release failed")
        path = os.path.join(ROOT, ".build", "release", "copydesk")
    path = os.path.abspath(path)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        die(f"no copydesk executable at {path}")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copydesk", help="the release binary (default: $COPYDESK_BIN, else build one)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run of about a minute")
    parser.add_argument("--only", action="append", default=[],
                        help=f"measure only these dimensions (comma-separated or repeated): {', '.join(DIMENSIONS)}")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is printed (default 3)")
    parser.add_argument("--timeout", type=float, default=300, help="give up a run after this many seconds (default 300)")
    parser.add_argument("--format", default="json", choices=["text", "json", "sarif"],
                        help="report format copydesk writes (to /dev/null; default json)")
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                        help="the project's shared folder (default: ../shared beside the repository)")
    options = parser.parse_args()

    only = [d.strip() for group in options.only for d in group.split(",") if d.strip()]
    for d in only:
        if d not in DIMENSIONS:
            die(f"unknown dimension '{d}' (choose from {', '.join(DIMENSIONS)})")
    selected = only or DIMENSIONS
    if options.runs < 1:
        die("--runs must be at least 1")

    corpus = os.path.join(options.shared, "corpora", "polnear", "train")
    if not os.path.isdir(corpus):
        die(f"no PolNeAR corpus at {os.path.normpath(corpus)}: this benchmark reads real articles "
            "from the project's shared folder; put it at ../shared beside the repository or give --shared DIR")
    if not os.access("/usr/bin/time", os.X_OK):
        die("GNU time is needed at /usr/bin/time for peak memory (Debian/Ubuntu: apt-get install time)")
    copydesk = find_copydesk(options.copydesk)
    sizes = QUICK if options.quick else FULL
    files = corpus_articles(corpus)
    corpus_bytes = sum(os.path.getsize(f) for f in files)

    scratch = tempfile.mkdtemp(prefix="copydesk-bench-scaling-")
    try:
        runner = Runner(copydesk, options.runs, options.timeout, scratch)
        lint = ["lint", "--format", options.format, "--fail-on", "never"]
        print(f"copydesk: {copydesk}")
        print(f"corpus:   {os.path.normpath(corpus)} ({len(files)} articles, {corpus_bytes / MB:.2f} MB)")
        print(f"mode:     {'quick' if options.quick else 'full'}; median of {options.runs} runs; "
              f"CPU = user + sys seconds; report format {options.format} to /dev/null; MB = 10^6 bytes "
              f"(peak MB = 2^20 bytes)")
        policy_files = files[:sizes["policy_corpus_files"]] if sizes["policy_corpus_files"] else files
        policy_corpus = os.path.join(scratch, "policy-corpus", "articles")
        if {"notices", "excludes"} & set(selected):
            copy_articles(policy_files, policy_corpus)

        if "size" in selected:
            paragraphs = corpus_paragraphs(files)
            folder = os.path.join(scratch, "size")
            os.makedirs(folder)

            def prepare(mb):
                path = os.path.join(folder, f"article-{mb}MB.md")
                if not os.path.exists(path):
                    write_concatenation(path, paragraphs, int(mb * MB))
                return lint + [os.path.basename(path)], folder
            table(runner, "1. article size: one Markdown article of PolNeAR train paragraphs "
                  "(repeating past the corpus's size)", "article",
                  [(f"{mb:g} MB", mb) for mb in sizes["size_mb"]], prepare)

        if "articles" in selected:
            def prepare(copies):
                dest = os.path.join(scratch, f"articles-{copies}")
                count = int(round(copies * len(files)))
                if not os.path.exists(dest):
                    place_copies(files, dest, count)
                return lint + ["."], dest
            table(runner, "2. number of articles: copies of PolNeAR train", "articles",
                  [(f"{int(round(c * len(files))):,} ({c:g}x)", c) for c in sizes["copies"]], prepare)

        if "repeats" in selected:
            folder = os.path.join(scratch, "repeats")
            os.makedirs(folder)

            def prepare(count):
                name = f"repeated-{count}.md"
                path = os.path.join(folder, name)
                if not os.path.exists(path):
                    with open(path, "w") as out:
                        out.write("# Bench article\n\nBy Bench Writer\n\n")
                        out.write((REPEATED_PARAGRAPH + "\n\n") * count)
                return lint + [name], folder
            table(runner, "3. one invented paragraph repeated in one file", "copies",
                  [(f"{n:,}", n) for n in sizes["repeats"]], prepare)

        policy_root = os.path.dirname(policy_corpus)
        if "notices" in selected:
            def prepare(count):
                name = f"notices-{count}.yml"
                path = os.path.join(policy_root, name)
                if not os.path.exists(path):
                    write_notices_policy(path, count)
                return lint + ["--policy", name, "articles"], policy_root
            table(runner, f"4. legal notices in the policy, over {len(policy_files)} PolNeAR train articles",
                  "notices", [(f"{n:,}", n) for n in sizes["notices"]], prepare,
                  none_step=("none", 0))

        if "excludes" in selected:
            def prepare(count):
                name = f"excludes-{count}.yml"
                path = os.path.join(policy_root, name)
                if not os.path.exists(path):
                    write_excludes_policy(path, count)
                return lint + ["--policy", name, "articles"], policy_root
            table(runner, f"5. exclude globs in the policy (matching no article), over {len(policy_files)} "
                  "PolNeAR train articles", "globs", [(f"{n:,}", n) for n in sizes["excludes"]], prepare,
                  none_step=("none", 0),
                  none_limit_label=", set for 10,000 globs" if options.quick else None)

        if "terms" in selected:
            title = f"6. style word-list terms (.vale.ini existence rule), over {len(policy_files)} PolNeAR train articles"
            if not styles_supported(copydesk, scratch):
                print(f"\n== {title} ==")
                print("  skipped: this copydesk does not apply .vale.ini styles in `lint` "
                      "(no Bench.Terms finding in a probe)")
            else:
                def prepare(count):
                    folder = os.path.join(scratch, f"terms-{count}")
                    if not os.path.exists(folder):
                        copy_articles(policy_files, os.path.join(folder, "articles"))
                        write_terms_style(folder, count)
                    return lint + ["articles"], folder
                table(runner, title, "terms", [(f"{n:,}", n) for n in sizes["terms"]], prepare)

        if "memory" in selected:
            print("\n== 7. peak memory (max RSS, /usr/bin/time -f %M) ==")
            if options.quick:
                print("  quick mode: smaller inputs than the targets are set for; the targets do not apply")
            count = sizes["memory_files"]
            dest = os.path.join(scratch, "memory-articles")
            place_copies(files, dest, count, per_folder=500)
            cpu, peak, wall = runner.median(lint + ["."], dest, runs=1)
            report("memory", f"{count:,} small articles (PolNeAR train, in folders of 500)",
                   peak, 150, cpu, wall, options.quick)
            shutil.rmtree(dest)
            folder = os.path.join(scratch, "memory-large")
            os.makedirs(folder)
            paragraphs = corpus_paragraphs(files)
            path = os.path.join(folder, "large.md")
            write_concatenation(path, paragraphs, sizes["memory_mb"] * MB)
            cpu, peak, wall = runner.median(lint + ["large.md"], folder, runs=1)
            report("memory", f"one {sizes['memory_mb']} MB article (PolNeAR paragraphs, repeating)",
                   peak, 400, cpu, wall, options.quick)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print("\n== summary ==")
    if misses:
        print("targets missed:")
        for line in misses:
            print(f"  - {line}")
    else:
        print("every measured dimension met its target")


def report(_dim, label, peak_kb, target_mb, cpu, wall, quick):
    peak_mb = peak_kb / 1024
    if quick:
        verdict = ""
    else:
        verdict = "ok" if peak_mb < target_mb else "MISSES"
        if verdict != "ok":
            misses.append(f"peak memory: {label}: {peak_mb:.0f} MB (target < {target_mb} MB)")
        verdict = f"(target < {target_mb} MB)  {verdict}"
    print(f"  {label}: peak {peak_mb:.0f} MB {verdict}  [CPU {cpu:.2f} s, wall {wall:.2f} s]")


if __name__ == "__main__":
    main()
