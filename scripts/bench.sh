#!/usr/bin/env bash
# Measures copydesk's speed: lints a folder of articles (by default the
# PolNeAR training set in ../shared, 840 .txt files; ../shared/corpora/naeb/dev
# for 205 real HTML pages) with a policy (by default policies/default.yml),
# three times, and prints the median wall time, throughput and peak memory.
# With COPYDESK_BENCH_INSPECT=1 it times `copydesk inspect --format json` over
# the same files as well.
#
# usage: scripts/bench.sh [CORPUS_DIR [POLICY_FILE]]
#
# To measure the legal-notice packs, give a policy that extends them, e.g. a
# file holding `schema: 1` and
# `extends: [default, legal/wire-copyright, legal/correction, legal/sponsored-content, legal/regional-warning]`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${1:-$root/../shared/corpora/polnear/train}
[ -d "$corpus" ] && corpus=$(cd "$corpus" && pwd)
runs=3

if [ ! -d "$corpus" ]; then
  echo "bench: no corpus at $corpus" >&2
  echo "bench: give a folder of .txt/.md/.html articles as the argument, or put the project's shared corpora at ../shared" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time is needed at /usr/bin/time to measure peak memory (Debian/Ubuntu: apt-get install time)" >&2
  exit 1
fi

# Articles only: the corpus also holds annotation files, which are not linted.
files=()
while IFS= read -r -d '' file; do files+=("$file"); done \
  < <(find "$corpus" -type f \( -iname '*.txt' -o -iname '*.text' -o -iname '*.md' -o -iname '*.markdown' \
         -o -iname '*.html' -o -iname '*.htm' \) -print0 | sort -z)
if [ ${#files[@]} -eq 0 ]; then
  echo "bench: no .txt, .md or .html articles in $corpus" >&2
  exit 1
fi
bytes=$(cat "${files[@]}" | wc -c)

echo "building release..."
swift build -c release --package-path "$root" >/dev/null
copydesk="$root/.build/release/copydesk"
policy=${2:-$root/policies/default.yml}
[ -f "$policy" ] || { echo "bench: no policy file at $policy" >&2; exit 1; }

echo "corpus: $corpus"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs a copydesk command over the corpus $runs times and prints the median
# wall time, throughput (MB and files per second) and peak memory.
measure() {
  local label=$1
  shift
  echo "$label ${#files[@]} files, $bytes bytes, $runs times"
  local seconds=() peaks=() run status start end elapsed peak_kb
  for run in $(seq "$runs"); do
    status=0
    start=$(date +%s%N)
    /usr/bin/time -v -o "$scratch/time" "$copydesk" "$@" "${targets[@]}" > /dev/null || status=$?
    end=$(date +%s%N)
    # 1 only means the corpus has findings; anything else is a failed run.
    if [ "$status" -gt 1 ]; then
      echo "bench: copydesk $1 exited $status" >&2
      cat "$scratch/time" >&2
      exit 1
    fi
    elapsed=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    peak_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$scratch/time")
    printf '  run %d: %s s, peak %s KB\n' "$run" "$elapsed" "$peak_kb"
    seconds+=("$elapsed")
    peaks+=("$peak_kb")
  done
  awk -v bytes="$bytes" -v files="${#files[@]}" -v s="$(median "${seconds[@]}")" -v kb="$(median "${peaks[@]}")" 'BEGIN {
    printf "\nmedian of %d runs (MB = 10^6 bytes)\n", '"$runs"'
    printf "  files    %d\n", files
    printf "  bytes    %d (%.2f MB)\n", bytes, bytes / 1e6
    printf "  seconds  %.3f\n", s
    printf "  MB/s     %.2f\n", (s > 0 ? bytes / 1e6 / s : 0)
    printf "  files/s  %.0f\n", (s > 0 ? files / s : 0)
    printf "  peak MB  %.1f\n\n", kb * 1024 / 1e6
  }'
}

# lint takes the folder, as users run it (naming 840 files makes argument
# parsing alone cost about 8% of the run); inspect takes files by name.
targets=("$corpus")
measure "linting with $policy:" lint --policy "$policy" --format json --output /dev/null
if [ "${COPYDESK_BENCH_INSPECT:-0}" = 1 ]; then
  targets=("${files[@]}")
  measure "inspecting:" inspect --format json
fi
