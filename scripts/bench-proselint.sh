#!/usr/bin/env bash
# Compares copydesk with proselint 0.16.0 on the same articles (issue 15):
# every PolNeAR train .txt file in ../shared (840 articles, 3.9 MB), linted by
#
#   proselint check FILE...                  (its default checks and config)
#   copydesk lint --fail-on never FILE...     (the default policy, text report)
#
# each as one process over all the files, both reports to /dev/null, the two
# tools' runs interleaved, BENCH_RUNS times (default 3). It prints the median
# CPU time (user + sys) of each and their ratio (target: copydesk at least 75x
# faster), and copydesk's median wall-clock throughput in MB/s with both cores
# (target: at least 25 MB/s).
#
# Why one `proselint check` over all files: that is how proselint 0.16's CLI
# lints many files (it accepts several paths), and like copydesk it then pays
# its start-up (loading Python and its checks, compiling their patterns) once,
# not once per file. proselint 0.16 keeps no cache between runs, so repeated
# runs do not flatter it; it runs with HOME and XDG_CONFIG_HOME pointed at an
# empty folder so that no user configuration changes its checks. proselint
# uses one core; CPU time is compared because it does not reward copydesk's
# second core, and wall time is given for copydesk alone.
#
# proselint is installed with pip into a virtual environment under
# .build-bench/ (ignored by git), or BENCH_VENV if set.
#
# usage: scripts/bench-proselint.sh [CORPUS_DIR]
# The copydesk binary is $COPYDESK_BIN, else .build/release/copydesk after
# `swift build -c release`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${1:-$root/../shared/corpora/polnear/train}
runs=${BENCH_RUNS:-3}
venv=${BENCH_VENV:-$root/.build-bench/proselint-venv}

if [ ! -d "$corpus" ]; then
  echo "bench-proselint: no corpus at $corpus" >&2
  echo "bench-proselint: this benchmark reads the PolNeAR articles from the project's shared folder at ../shared beside the repository; put it there, or give a folder of .txt articles as the argument" >&2
  exit 1
fi
corpus=$(cd "$corpus" && pwd)
files=()
while IFS= read -r -d '' file; do files+=("$file"); done \
  < <(find "$corpus" -maxdepth 1 -type f -name '*.txt' -print0 | sort -z)
if [ ${#files[@]} -eq 0 ]; then
  echo "bench-proselint: no .txt articles in $corpus" >&2
  exit 1
fi

if [ -n "${COPYDESK_BIN:-}" ]; then
  copydesk=$COPYDESK_BIN
else
  echo "building release (swift build -c release)..."
  swift build -c release --package-path "$root" >/dev/null
  copydesk=$root/.build/release/copydesk
fi
[ -x "$copydesk" ] || { echo "bench-proselint: no copydesk executable at $copydesk" >&2; exit 1; }

if ! "$venv/bin/proselint" version 2>/dev/null | grep -q '0\.16\.0'; then
  echo "installing proselint 0.16.0 into $venv..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check proselint==0.16.0
fi
"$venv/bin/proselint" version 2>/dev/null | grep -q '0\.16\.0' \
  || { echo "bench-proselint: proselint 0.16.0 did not install into $venv" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home"
printf '%s\0' "${files[@]}" > "$scratch/files"

# The measuring is done in Python for the kernel's exact CPU accounting of
# each process (wait4 rusage; GNU time prints the same figures rounded to
# 10 ms).
python3 - "$runs" "$scratch" "$copydesk" "$venv/bin/proselint" <<'PY'
import os, subprocess, sys, time

runs, scratch, copydesk, proselint = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(os.path.join(scratch, "files"), "rb") as f:
    files = [p.decode() for p in f.read().split(b"\0") if p]
total = sum(os.path.getsize(p) for p in files)
home = os.path.join(scratch, "home")
env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, NO_COLOR="1")

tools = {
    "proselint": [proselint, "check"] + files,
    "copydesk": [copydesk, "lint", "--fail-on", "never"] + files,
}

def once(name):
    err_path = os.path.join(scratch, name + ".err")
    with open(err_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(tools[name], cwd=home, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    # Both exit 1 when they find something; anything else is a failed run.
    if code not in (0, 1):
        with open(err_path, "rb") as f:
            tail = f.read()[-2000:].decode("utf-8", "replace")
        sys.exit(f"bench-proselint: {name} exited {code}:\n{tail}")
    if name == "proselint" and os.path.getsize(err_path) > 0:
        # proselint reports a check that crashed on a file on stderr and goes on.
        with open(err_path, "rb") as f:
            print(f"  note: proselint wrote to stderr: {f.read()[:300].decode('utf-8', 'replace')!r}")
    return usage.ru_utime + usage.ru_stime, wall

print(f"corpus: {os.path.dirname(files[0])} ({len(files)} .txt articles, {total / 1e6:.2f} MB; MB = 10^6 bytes)")
print(f"copydesk: {copydesk}")
print(f"proselint: {proselint} (0.16.0, `proselint check` over all files in one process)")
print(f"{runs} runs each, interleaved; CPU = user + sys seconds, medians\n")
results = {name: [] for name in tools}
for run in range(runs):
    for name in tools:
        cpu, wall = once(name)
        results[name].append((cpu, wall))
        print(f"  run {run + 1}: {name:9} CPU {cpu:7.3f} s  wall {wall:7.3f} s", flush=True)

def median(values):
    return sorted(values)[len(values) // 2]

p_cpu = median([c for c, _ in results["proselint"]])
p_wall = median([w for _, w in results["proselint"]])
c_cpu = median([c for c, _ in results["copydesk"]])
c_wall = median([w for _, w in results["copydesk"]])
ratio = p_cpu / c_cpu
rate = total / 1e6 / c_wall
print()
print(f"proselint 0.16.0  CPU {p_cpu:8.3f} s   wall {p_wall:7.3f} s   {total / 1e6 / p_wall:6.2f} MB/s")
print(f"copydesk          CPU {c_cpu:8.3f} s   wall {c_wall:7.3f} s   {rate:6.2f} MB/s   ({c_cpu / c_wall:.2f} cores busy)")
print(f"CPU time ratio proselint / copydesk: {ratio:.1f}x  (target >= 75x)  {'ok' if ratio >= 75 else 'MISSES'}")
print(f"copydesk wall throughput: {rate:.1f} MB/s  (target >= 25 MB/s)  {'ok' if rate >= 25 else 'MISSES'}")
PY
