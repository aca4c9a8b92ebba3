#!/usr/bin/env bash
# Measures what a style rule's word list costs: lints a corpus (by default
# PolNeAR train in ../shared) under a .vale.ini whose one style holds an
# existence rule of N terms, for N = 100, 1,000 and 10,000, and prints the
# median CPU time of three runs for each and its ratio to the 100-term run.
# Word lists compile into one matcher, so the ratio should stay near 1
# (issue 14's target: 10,000 terms at most twice 100).
#
# usage: scripts/bench-style.sh [CORPUS_DIR]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${1:-$root/../shared/corpora/polnear/train}
if [ ! -d "$corpus" ]; then
  echo "bench-style: no corpus at $corpus; give a folder of articles" >&2
  exit 1
fi
[ -x /usr/bin/time ] || { echo "bench-style: GNU time is needed at /usr/bin/time" >&2; exit 1; }
cd "$root"
swift build -c release >/dev/null
copydesk=$root/.build/release/copydesk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$corpus" "$work/articles"

median_cpu() {
  local times=()
  for _ in 1 2 3; do
    times+=("$( { /usr/bin/time -f '%U %S' "$copydesk" lint --format json --fail-on never "$work/articles" >/dev/null; } 2>&1 \
      | tail -1 | awk '{print $1 + $2}')")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}

base=""
for terms in 100 1000 10000; do
  rm -rf "$work/styles"
  mkdir -p "$work/styles/Bench"
  python3 - "$terms" "$work/styles/Bench/Terms.yml" <<'PY'
import random, sys
count, path = int(sys.argv[1]), sys.argv[2]
random.seed(14)
# Real words that news copy uses, so some terms match, then invented ones.
common = ["utilize", "very", "basically", "impact", "going forward", "in order to", "at this point in time",
          "stakeholder", "leverage", "unprecedented", "slammed", "amid", "reportedly", "sources say"]
letters = "abcdefghijklmnopqrstuvwxyz"
terms = common[:min(count, len(common))]
seen = set(terms)
while len(terms) < count:
    word = "".join(random.choice(letters) for _ in range(random.randint(5, 10)))
    if word not in seen:
        seen.add(word)
        terms.append(word)
with open(path, "w") as out:
    out.write("extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: suggestion\nignorecase: true\ntokens:\n")
    for term in terms:
        out.write(f"  - '{term}'\n")
PY
  printf 'StylesPath = ../styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Bench\n' > "$work/articles/.vale.ini"
  cpu=$(median_cpu)
  [ -z "$base" ] && base=$cpu
  ratio=$(awk -v a="$cpu" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  printf 'existence rule of %5d terms: %6.2f s CPU (median of 3), %sx the 100-term run\n' "$terms" "$cpu" "$ratio"
done
