#!/usr/bin/env python3
"""Self-check of the newsroom style pack (policies/style/newsroom).

usage: check-newsroom-pack.py [--pack DIR] [--fixtures DIR] [--show N]
                              [--write-expected] [--copydesk BIN] [--vale BIN]

What it checks, without Vale or copydesk:

1. Every rule file parses as YAML, and its keys are the ones Vale documents
   for its `extends` kind (plus the keys every rule may have); `level`,
   `scope`, `message` and `action` have values Vale accepts; the file name is
   the rule name Vale derives its id from (`newsroom.<FileName>`).
2. Every token and swap key compiles, after Vale's own wrapping, with
   Python's `re` (ASCII mode: Go's `\\b`, `\\w`, `\\d` are ASCII). Vale uses
   Go's RE2 syntax extended by regexp2 (lookaround), so a pattern Python
   accepts is not proof that Vale does; the script refuses the constructs
   the three engines (Vale, Python, and ICU, which copydesk's Swift engine
   is expected to use) disagree on: variable-width lookbehind, `\\p{..}`,
   possessive quantifiers, atomic groups, `\\z`.
3. Pitfalls found by reading Vale's check code:
   - a token that starts or ends with a non-word character in a rule whose
     `nonword` is false: Vale wraps tokens as `\\b(?:...)\\b`, and the
     boundary next to a period or a percent sign rarely holds, so the token
     silently never matches;
   - a substitution whose swap value uses `$1` while its key ends with a
     positive lookahead (or starts with a positive lookbehind): Vale
     rebuilds the suggestion by matching the key again on the matched text
     alone, the lookaround fails there, the suggestion equals the text, and
     the alert is dropped;
   - a message whose number of `%s` does not fit its kind (existence: one;
     substitution: two, which also keeps `action: replace` from doubling
     quotation marks).
4. Simulation (APPROXIMATE): existence and substitution rules are run over
   the fixture articles (Tests/CopydeskStyleTests/Fixtures/newsroom/*.md)
   the way Vale's check code runs them: the same pattern wrapping
   (`(?i)` when ignorecase; `(?m)\\b(?:tok|tok)\\b`, or `(?m)(?:tok|tok)` with
   nonword), swap keys sorted longest first and each wrapped in its own
   group, `$n` suggestions rebuilt by re-matching the key, the
   no-op-suggestion filter, `exceptions`, `action: replace` quoting, and
   Go-style `%s` formatting. The Markdown reading is a small stand-in for
   Vale's: headings, paragraphs, list items and fenced code blocks; inline
   code spans are masked; the scopes `text`, `paragraph`, `heading` and
   `list` are told apart; anything else in a fixture (tables, block quotes,
   HTML, emphasis or links inside a match) is outside what it models, and it
   says so. Columns are where the match starts in the source line; the
   script also redoes Vale's own way of finding that column (the first
   occurrence of the matched text, at a word boundary, from the start of
   the block) and reports any fixture where the two differ, since the
   expected column would then depend on the engine.
   Two outputs are compared: `expected-vale.txt` (what Vale prints: it does
   not know about quotations) and `expected.txt` (what copydesk prints: its
   engine leaves words inside a direct quotation alone, so alerts that
   start inside “...” or "..." are dropped).
   occurrence, repetition, consistency, conditional, capitalization and
   metric rules are checked for keys only; the pack has none today.

Optional, for a machine that has the binaries (not exercised when this
script was written: no Vale binary and no copydesk build were available):
  --vale BIN      runs `BIN --output=line --sort --normalize --relative
                  --no-global .` in the fixture folder and compares with
                  expected-vale.txt
  --copydesk BIN  runs `BIN lint --format json .` in the fixture folder,
                  keeps findings whose rule id has Vale's `Style.Rule`
                  shape, and compares with expected.txt

--write-expected rewrites both expected files from the simulation (review
the diff by hand before committing it). Exit status 1 if any problem or
difference was found.
"""
import argparse
import functools
import glob
import json
import os
import re
import subprocess
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed: pip install pyyaml")

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PACK = os.path.join(ROOT, "policies", "style", "newsroom")
FIXTURES = os.path.join(ROOT, "Tests", "CopydeskStyleTests", "Fixtures", "newsroom")
STYLE = "newsroom"

# Keys every rule may have (Vale's `Definition`), and the keys of each kind
# (Vale's docs, "Checks"; fields of the structs in internal/check/*.go).
COMMON = {"extends", "message", "level", "scope", "link", "description", "action", "limit"}
KINDS = {
    "existence": {"tokens", "raw", "ignorecase", "nonword", "exceptions", "append", "vocab"},
    "substitution": {"swap", "ignorecase", "nonword", "exceptions", "vocab", "capitalize"},
    "occurrence": {"max", "min", "token"},
    "repetition": {"tokens", "alpha", "ignorecase"},
    "consistency": {"either", "ignorecase", "nonword"},
    "conditional": {"first", "second", "exceptions", "ignorecase"},
    "capitalization": {"match", "style", "exceptions", "indicators", "threshold", "vocab", "prefix"},
    "metric": {"formula", "condition"},
}
REQUIRED = {
    "existence": [("tokens", "raw")], "substitution": [("swap",)], "occurrence": [("token",)],
    "repetition": [("tokens",)], "consistency": [("either",)], "conditional": [("first",), ("second",)],
    "capitalization": [("match",)], "metric": [("formula",), ("condition",)],
}
LEVELS = {"suggestion", "warning", "error"}
ACTIONS = {"suggest", "replace", "remove", "edit"}
# Vale's markup scopes, and copydesk's news scopes (issue 14).
SCOPES = {"text", "raw", "paragraph", "sentence", "heading", "list", "blockquote", "table",
          "table.header", "table.cell", "table.caption", "figure.caption", "alt", "title", "summary",
          "code", "comment", "comment.line", "comment.block", "string"}
NEWS_SCOPES = {"headline", "standfirst", "byline", "caption", "quote", "notice"}

# Constructs Python re, Vale (Go RE2 + regexp2) and ICU do not read alike.
UNPORTABLE = [
    (re.compile(r"\\[pP]\{"), "\\p{...} (Python re has no Unicode classes)"),
    (re.compile(r"\\z"), "\\z (Python spells it \\Z, ICU reads \\z)"),
    (re.compile(r"[*+?}]\+"), "possessive quantifier (not in Go RE2)"),
    (re.compile(r"\(\?>"), "atomic group (not in Go RE2)"),
    (re.compile(r"\(\?P=|\\k<"), "backreference (not in Go RE2)"),
]


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, text):
        self.items.append(f"{where}: {text}")


def py_pattern(pattern):
    """Vale pattern -> Python pattern. Vale's `(?P<name>` and `(?<name>` are
    both named groups; only the latter needs rewriting for Python."""
    return re.sub(r"\(\?<(?![=!])", "(?P<", pattern)


@functools.lru_cache(maxsize=None)
def compile_py(pattern, flags=0):
    return re.compile(py_pattern(pattern), flags | re.ASCII)


def strip_inline_flags(pattern):
    """Python requires global flags at the start; Vale puts `(?i)` first and
    then `(?m)`, which Python only accepts when they are merged."""
    m = re.match(r"^((?:\(\?[imsU]+\))+)", pattern)
    if not m:
        return pattern, 0
    flags = 0
    for ch in re.findall(r"[imsU]", m.group(1)):
        flags |= {"i": re.I, "m": re.M, "s": re.S, "U": 0}[ch]
    return pattern[m.end():], flags


def convert_capture_groups(key):
    """Vale's convertCaptureGroups: `(` not escaped and not followed by `?`
    becomes `(?:`."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", key)


def word_wrapped(nonword):
    return r"(?m)(?:%s)" if nonword else r"(?m)\b(?:%s)\b"


def build_existence(rule):
    tokens = [t for t in (rule.get("tokens") or []) if str(t).strip()]
    raw = "".join(rule.get("raw") or [])
    word = not rule.get("nonword", False) and len(tokens) > 0
    regex = word_wrapped(not word)
    regex = regex + raw if rule.get("append") else raw + regex
    if rule.get("ignorecase"):
        regex = "(?i)" + regex
    return regex.replace("%s", "|".join(str(t) for t in tokens), 1)


def build_substitution(rule):
    keys = sorted((str(k) for k in rule["swap"]), key=len, reverse=True)
    body = "|".join("(" + convert_capture_groups(k) + ")" for k in keys)
    regex = word_wrapped(rule.get("nonword", False)) % body
    if rule.get("ignorecase"):
        regex = "(?i)" + regex
    return regex, keys


def go_sprintf(msg, *subs):
    """Vale's core.FormatMessage: Go's Sprintf with spare arguments ignored."""
    out, i = [], 0
    parts = re.split(r"(%%|%s)", msg)
    for p in parts:
        if p == "%%":
            out.append("%")
        elif p == "%s":
            out.append(subs[i] if i < len(subs) else "%!s(MISSING)")
            i += 1
        else:
            out.append(p)
    return "".join(out)


def to_sentence(words, conj):
    if len(words) == 1:
        return f"'{words[0]}'"
    if len(words) == 2:
        return f"'{words[0]}' or '{words[1]}'"
    quoted = [f"'{w}'" for w in words]
    quoted[-1] = conj + " " + quoted[-1]
    return ", ".join(quoted)


def convert_message(msg):
    for spec in ("'%s'", '"%s"'):
        if msg.count(spec) == 2:
            msg = msg.replace(spec, "%s", 1)
    return msg


def get_options(value):
    temp = value.replace("\\|", "PIPE")
    return [o.replace("PIPE", "|") for o in temp.split("|") if o]


def dollar_to_py(value):
    return re.sub(r"\$(\d+)", r"\\g<\1>", value.replace("\\", "\\\\"))


# ---------------------------------------------------------------- rule lint

def lint_rule(path, problems):
    name = os.path.splitext(os.path.basename(path))[0]
    where = os.path.relpath(path, ROOT)
    try:
        rule = yaml.safe_load(open(path, encoding="utf-8"))
    except yaml.YAMLError as e:
        problems.add(where, f"YAML: {e}")
        return None
    if not isinstance(rule, dict):
        problems.add(where, "not a mapping")
        return None
    if not re.fullmatch(r"[A-Z][A-Za-z0-9]+", name):
        problems.add(where, f"rule name '{name}' is not CamelCase letters and digits")
    kind = rule.get("extends")
    if kind not in KINDS:
        problems.add(where, f"extends '{kind}' is not one of {sorted(KINDS)} (the kinds this pack allows)")
        return None
    for key in rule:
        if key not in COMMON | KINDS[kind]:
            problems.add(where, f"key '{key}' is not a Vale key for extends: {kind}")
    for alternatives in REQUIRED[kind]:
        if not any(rule.get(a) for a in alternatives):
            problems.add(where, f"extends: {kind} needs '{' or '.join(alternatives)}'")
    if "message" not in rule or not str(rule["message"]).strip():
        problems.add(where, "no message")
    if rule.get("level", "suggestion") not in LEVELS:
        problems.add(where, f"level '{rule.get('level')}' is not one of {sorted(LEVELS)}")
    if not str(rule.get("description", "")).strip():
        problems.add(where, "no description (the pack explains every rule)")
    scopes = rule.get("scope", "text")
    for scope in scopes if isinstance(scopes, list) else [scopes]:
        for part in re.split(r"\s*&\s*", str(scope)):
            base = part.lstrip("~").split(".")[0]
            if base not in {s.split(".")[0] for s in SCOPES} | NEWS_SCOPES:
                problems.add(where, f"scope '{part}' is neither a Vale scope nor a copydesk news scope")
    action = rule.get("action")
    if action is not None:
        if not isinstance(action, dict) or action.get("name") not in ACTIONS:
            problems.add(where, f"action must be a mapping whose name is one of {sorted(ACTIONS)}")
    for key in ("ignorecase", "nonword", "append", "vocab"):
        if key in rule and not isinstance(rule[key], bool):
            problems.add(where, f"'{key}' must be true or false")
    msg = str(rule.get("message", ""))
    n = msg.count("%s")
    if kind == "existence" and n != 1:
        problems.add(where, f"an existence message should show the match with one %s (has {n})")
    if kind == "substitution":
        if n != 2:
            problems.add(where, f"a substitution message should have two %s, suggestion then match (has {n})")
        elif action and action.get("name") == "replace" and msg.count("'%s'") != 2 and msg.count('"%s"') != 2:
            problems.add(where, "with action: replace, quote both %s the same way, or Vale doubles the quotation marks")
    if kind not in ("existence", "substitution"):
        return rule

    def check_piece(piece, label, nonword):
        for pat, why in UNPORTABLE:
            if pat.search(piece):
                problems.add(where, f"{label}: {why}")
        if re.search(r"\[[^\]]*(?<!\\)\([^\]]*\]", piece) and kind == "substitution":
            problems.add(where, f"{label}: '(' inside a character class: Vale's capture-group conversion rewrites it")
        if not nonword:
            plain = re.sub(r"\(\?[=!<][^)]*\)", "", piece)  # ignore lookarounds at the edges
            if plain and (re.match(r"[.%$'’\"-]|\\[.$%]", plain) or re.search(r"(?:[.%'’\"]|\\\.)$", plain)):
                problems.add(where, f"{label}: starts or ends with a non-word character while nonword is false; "
                                    "Vale's \\b wrapper makes it unmatchable there")

    nonword = rule.get("nonword", False)
    try:
        if kind == "existence":
            for tok in rule.get("tokens") or []:
                check_piece(str(tok), f"token {str(tok)[:40]!r}", nonword)
            pattern, flags = strip_inline_flags(build_existence(rule))
            compile_py(pattern, flags)
        else:
            for key, value in (rule.get("swap") or {}).items():
                key, value = str(key), str(value)
                check_piece(key, f"swap key {key[:40]!r}", nonword)
                if re.search(r"\$\d", value):
                    if re.search(r"\(\?=[^()]*\)\s*$|\(\?=(?:[^()]|\([^()]*\))*\)\s*$", key) or key.startswith("(?<="):
                        problems.add(where, f"swap key {key[:40]!r}: '$n' value with an edge lookaround; "
                                            "Vale re-matches the key on the match alone and drops the alert")
                    groups = compile_py(key).groups
                    for ref in re.findall(r"\$(\d+)", value):
                        if int(ref) > groups:
                            problems.add(where, f"swap value {value!r} refers to group {ref}; key has {groups}")
            pattern, flags = strip_inline_flags(build_substitution(rule)[0])
            compile_py(pattern, flags)
    except re.error as e:
        hint = " (Python, like ICU, needs a lookbehind of bounded, here fixed, width)" if "look-behind" in str(e) else ""
        problems.add(where, f"pattern does not compile: {e}{hint}")
    if kind == "existence" and rule.get("exceptions"):
        try:
            compile_py(r"\b(?:%s)\b" % "|".join(rule["exceptions"]))
        except re.error as e:
            problems.add(where, f"exceptions do not compile: {e}")
    return rule


# ------------------------------------------------------------ markdown model

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+")
ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
UNMODELLED = re.compile(r"^\s*(?:>|\||<[A-Za-z!])")


def blocks(text, where, problems):
    """Yield (scope, start_offset, block_text) with block_text the same length
    as the source span it covers (markers and code spans blanked), so that
    offsets map straight back to the source."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    i, in_fence = 0, False
    para = []

    def flush():
        if para:
            start = offsets[para[0]]
            end = offsets[para[-1]] + len(lines[para[-1]])
            yield ("paragraph", start, text[start:end])
            para.clear()

    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            yield from flush()
            in_fence = not in_fence
        elif in_fence:
            pass
        elif not line.strip():
            yield from flush()
        elif HEADING.match(line):
            yield from flush()
            m = HEADING.match(line)
            yield ("heading", offsets[i] + m.end(), line[m.end():].rstrip("# "))
        elif ITEM.match(line) and not para:
            m = ITEM.match(line)
            yield ("list", offsets[i] + m.end(), line[m.end():])
        else:
            if UNMODELLED.match(line):
                problems.add(where, f"line {i + 1}: block quotes, tables and HTML are not modelled by the simulation")
            para.append(i)
        i += 1
    yield from flush()


def mask_code(block):
    return re.sub(r"(`+)(.+?)\1", lambda m: "\x00" * len(m.group(0)), block)


def quote_spans(block):
    spans = [m.span() for m in re.finditer(r"“[^”]*”", block)]
    spans += [m.span() for m in re.finditer(r'"[^"\n]*"', block)]
    return spans


def in_scope(rule, scope):
    wanted = rule.get("scope", "text")
    wanted = wanted if isinstance(wanted, list) else [wanted]
    for w in wanted:
        w = str(w)
        if w in ("text", scope) or (w == "heading" and scope == "heading"):
            return True
        if w.startswith("~") and w[1:] != scope:
            return True
    return False


def run_rule(rid, rule, block):
    """Alerts as (start, end, message) on one block, as Vale's Run does."""
    kind = rule["extends"]
    alerts = []
    if kind == "existence":
        pattern, flags = strip_inline_flags(build_existence(rule))
        rx = compile_py(pattern, flags)
        exc = compile_py(r"(?m)\b(?:%s)\b" % "|".join(sorted(rule["exceptions"], key=len, reverse=True))) \
            if rule.get("exceptions") else None
        for m in rx.finditer(block):
            if m.end() == m.start():
                continue
            if exc and exc.search(m.group(0).strip()):
                continue
            alerts.append((m.start(), m.end(), go_sprintf(str(rule["message"]), m.group(0))))
    elif kind == "substitution":
        regex, keys = build_substitution(rule)
        pattern, flags = strip_inline_flags(regex)
        rx = compile_py(pattern, flags)
        swap = {str(k): str(v) for k, v in rule["swap"].items()}
        exc = compile_py(r"(?m)\b(?:%s)\b" % "|".join(rule["exceptions"])) if rule.get("exceptions") else None
        action = rule.get("action") or {}
        for m in rx.finditer(block):
            for gi in range(1, len(keys) + 1):
                if m.start(gi) < 0:
                    continue
                observed = m.group(gi)
                expected = swap[keys[gi - 1]]
                if re.search(r"\$\d", expected):
                    key_rx = compile_py(keys[gi - 1], re.I if rule.get("ignorecase") else 0)
                    expected = key_rx.sub(dollar_to_py(expected), observed)
                if action.get("name") == "replace":
                    same = observed in get_options(expected)
                else:
                    try:
                        same = compile_py(r"^(?:%s)$" % expected).search(observed) is not None
                    except re.error:
                        same = expected == observed
                if same or (exc and exc.search(observed)):
                    continue
                msg = str(rule["message"])
                if action.get("name") == "replace" and not action.get("params"):
                    expected = to_sentence(get_options(expected), "or")
                    msg = convert_message(msg)
                alerts.append((m.start(gi), m.end(gi), go_sprintf(msg, expected, observed)))
    return alerts


def vale_column_search(source, block_start, match_text):
    """Vale's initialPosition: the first occurrence of the match in the
    context (the file from the block on), at a word boundary if possible."""
    ctx = source[block_start:]
    m = re.search(r"(?:^|\b|_)" + re.escape(match_text) + r"(?:_|\b|$)", ctx, re.ASCII)
    idx = m.start() if m else ctx.find(match_text)
    if idx >= 0 and ctx[idx:].startswith("_"):
        idx += 1
    return block_start + idx if idx >= 0 else None


def line_col(source, offset):
    line = source.count("\n", 0, offset) + 1
    col = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, col


def simulate(rules, fixtures, problems):
    vale_lines, copydesk_lines = [], []
    for path in sorted(glob.glob(os.path.join(fixtures, "*.md"))):
        rel = os.path.basename(path)
        source = open(path, encoding="utf-8").read()
        for scope, start, text in blocks(source, rel, problems):
            masked = mask_code(text)
            quotes = quote_spans(masked)
            for rid, rule in rules.items():
                if rule["extends"] not in ("existence", "substitution") or not in_scope(rule, scope):
                    continue
                for s, e, msg in run_rule(rid, rule, masked):
                    where = vale_column_search(source, start, masked[s:e])
                    if where is not None and where != start + s:
                        problems.add(rel, f"{rid} at {line_col(source, start + s)}: Vale would place it at "
                                          f"{line_col(source, where)} (the same text occurs earlier in the block)")
                    line, col = line_col(source, start + s)
                    out = f"{rel}:{line}:{col}:{STYLE}.{rid}:{msg}"
                    vale_lines.append(out)
                    if not any(qs <= s < qe for qs, qe in quotes):
                        copydesk_lines.append(out)
    key = lambda l: (l.split(":")[0], int(l.split(":")[1]), int(l.split(":")[2]), l)
    return sorted(vale_lines, key=key), sorted(copydesk_lines, key=key)


def compare(label, got, path, problems, show):
    if not os.path.exists(path):
        problems.add(label, f"{os.path.relpath(path, ROOT)} is missing")
        return
    want = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip()]
    missing = [l for l in want if l not in got]
    extra = [l for l in got if l not in want]
    print(f"{label}: {len(got)} alert(s), expected {len(want)}; "
          f"{len(want) - len(missing)} expected line(s) printed exactly, {len(missing)} missing, {len(extra)} extra")
    for l in missing[:show]:
        problems.add(label, f"missing  {l}")
    for l in extra[:show]:
        problems.add(label, f"extra    {l}")
    if (missing or extra) and show == 0:
        problems.add(label, f"{len(missing)} missing and {len(extra)} extra line(s); --show N lists them")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pack", default=PACK)
    ap.add_argument("--fixtures", default=FIXTURES)
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--write-expected", action="store_true")
    ap.add_argument("--vale")
    ap.add_argument("--copydesk")
    args = ap.parse_args()
    problems = Problems()

    rules = {}
    for path in sorted(glob.glob(os.path.join(args.pack, "*.yml"))):
        rule = lint_rule(path, problems)
        if rule is not None:
            rules[os.path.splitext(os.path.basename(path))[0]] = rule
    kinds = {}
    for rule in rules.values():
        kinds[rule["extends"]] = kinds.get(rule["extends"], 0) + 1
    print(f"rules: {len(rules)} parsed ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))})")

    ini = os.path.join(args.fixtures, ".vale.ini")
    if not os.path.exists(ini):
        problems.add("fixtures", ".vale.ini is missing")
    else:
        m = re.search(r"^StylesPath\s*=\s*(.+)$", open(ini).read(), re.M)
        if not m or os.path.normpath(os.path.join(args.fixtures, m.group(1).strip(), STYLE)) != os.path.normpath(args.pack):
            problems.add("fixtures/.vale.ini", "StylesPath does not lead to the pack")
    articles = sorted(glob.glob(os.path.join(args.fixtures, "*.md")))
    for rid in rules:
        for suffix in ("flagged", "clean"):
            if not os.path.exists(os.path.join(args.fixtures, f"{rid}-{suffix}.md")):
                problems.add("fixtures", f"no {rid}-{suffix}.md")
    print(f"fixtures: {len(articles)} articles")

    vale_lines, copydesk_lines = simulate(rules, args.fixtures, problems)
    for rid in rules:
        flagged = f"{rid}-flagged.md:"
        if not any(l.startswith(flagged) and f":{STYLE}.{rid}:" in l for l in copydesk_lines):
            problems.add("fixtures", f"{rid}-flagged.md raises no {STYLE}.{rid} alert in the simulation")
        clean = f"{rid}-clean.md:"
        for l in copydesk_lines:
            if l.startswith(clean):
                problems.add("fixtures", f"the near-miss article raises an alert: {l}")
    exp_vale = os.path.join(args.fixtures, "expected-vale.txt")
    exp = os.path.join(args.fixtures, "expected.txt")
    if args.write_expected:
        open(exp_vale, "w", encoding="utf-8").write("".join(l + "\n" for l in vale_lines))
        open(exp, "w", encoding="utf-8").write("".join(l + "\n" for l in copydesk_lines))
        print("wrote expected-vale.txt and expected.txt from the simulation")
    compare("simulated Vale vs expected-vale.txt", vale_lines, exp_vale, problems, args.show)
    compare("simulated copydesk vs expected.txt", copydesk_lines, exp, problems, args.show)

    if args.vale:
        proc = subprocess.run([args.vale, "--output=line", "--sort", "--normalize", "--relative", "--no-global", "."],
                              cwd=args.fixtures, capture_output=True, text=True)
        got = [l for l in proc.stdout.splitlines() if l.strip()]
        compare("vale vs expected-vale.txt", got, exp_vale, problems, args.show)
    if args.copydesk:
        proc = subprocess.run([args.copydesk, "lint", "--format", "json", "."], cwd=args.fixtures,
                              capture_output=True, text=True)
        got = []
        for entry in json.loads(proc.stdout or "{}").get("files", []):
            rel = os.path.relpath(os.path.join(args.fixtures, entry["path"]), args.fixtures)
            for f in entry.get("findings", []):
                if f.get("suppressed") or not re.match(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$", f["ruleId"]):
                    continue
                s = f["range"]["start"]
                got.append(f"{rel}:{s['line']}:{s['column']}:{f['ruleId']}:{f['message']}")
        compare("copydesk vs expected.txt", got, exp, problems, args.show)

    for p in problems.items:
        print("  " + p)
    print(f"{len(problems.items)} problem(s)" if problems.items else "no problems")
    return 1 if problems.items else 0


if __name__ == "__main__":
    sys.exit(main())
