#!/usr/bin/env bash
# Coverage-guided fuzzing of copydesk's input parsers with libFuzzer.
#
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]
#
# Targets: markdown, html, text (each article is linted by every rule of the
# default policy), front-matter (the input is an article's YAML front
# matter) and policy (the input is a policy file). Default: 20 seconds
# each, all targets: the smoke run .ci/run does. For a real campaign give
# an hour or more per target, e.g. `scripts/fuzz.sh 3600 markdown`; the
# corpus each run grows is kept in .build-fuzz/corpus/TARGET and reused.
#
# A crash, an input over the time limit (10 s) or the memory limit
# (2 GB) stops the run: the input is saved under .build-fuzz/artifacts/ and
# the script exits 1. Replay it without the fuzzer in an ordinary build:
#   swift build --product copydesk-fuzz
#   COPYDESK_FUZZ_TARGET=markdown .build/debug/copydesk-fuzz .build-fuzz/artifacts/crash-…
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown html text front-matter policy)

# -sanitize=fuzzer instruments every Swift module and links libFuzzer; lld
# because gold cannot link libFuzzer's runtime next to SwiftPM's own main.
echo "building the fuzz harness (instrumented, in .build-fuzz)"
swift build --scratch-path .build-fuzz --product copydesk-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DCOPYDESK_FUZZ -Xswiftc -use-ld=lld
fuzzer="$root/.build-fuzz/debug/copydesk-fuzz"

# Seeds from the project's own files only.
seed() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  case "$target" in
    markdown) cp examples/*.md "$dir/" ;;
    html) cp examples/*.html "$dir/" 2>/dev/null || printf '<html><body><article><h1>Title</h1><p class="byline">By Ana Ruiz</p><p>“A quote,” she said.</p></article></body></html>\n' > "$dir/page.html" ;;
    text) cp examples/*.txt "$dir/" 2>/dev/null || printf 'Title\n\nBy Ana Ruiz\n\n“A quote,” she said.\n' > "$dir/article.txt" ;;
    front-matter) printf 'title: A headline\nauthor: Ana Ruiz\nlang: en\ntags: [harbor, ferry]\n' > "$dir/front-matter.yml" ;;
    policy) cp policies/*.yml "$dir/" ;;
  esac
}

mkdir -p .build-fuzz/artifacts
failed=0
for target in "${targets[@]}"; do
  corpus=".build-fuzz/corpus/$target"
  [ -d "$corpus" ] || seed "$target" "$corpus"
  echo "==> fuzz $target for ${seconds}s"
  # SWIFT_BACKTRACE off: the Swift runtime's own crash handler would
  # otherwise end the process before libFuzzer saves the crashing input.
  if ! SWIFT_BACKTRACE=enable=no COPYDESK_FUZZ_TARGET=$target "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$target-" "$corpus" \
      > ".build-fuzz/$target.log" 2>&1; then
    failed=1
    echo "FAIL: the $target fuzzer found a crash, a hang or a memory blow-up:"
    grep -E "ERROR|SUMMARY|Fatal error|Test unit written|fuzz invariant" ".build-fuzz/$target.log" | head -20 || true
    echo "(whole log: .build-fuzz/$target.log)"
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" ".build-fuzz/$target.log" | tr '\n' ' ' || true
    echo
  fi
done
exit $failed
