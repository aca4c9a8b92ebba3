#!/usr/bin/env bash
# Scores copydesk's accuracy with the scorers in ../shared/eval: quote
# detection and quote-attribution on PolNeAR (train and dev), and byline
# detection on NAEB when that corpus is present. Extra arguments go to each
# scorer, for example `scripts/score.sh --show 5` to print misses.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared=../shared

if [ ! -f "$shared/eval/quotes.py" ] || [ ! -d "$shared/corpora/polnear/train" ]; then
  echo "score: the scorers and corpora are not at $shared (expected eval/quotes.py and corpora/polnear)" >&2
  exit 1
fi
python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema

echo "building release..."
swift build -c release >/dev/null
copydesk=.build/release/copydesk

# Run every scorer even when one fails, and fail at the end.
failed=()

echo "== quotes: $shared/corpora/polnear/train $shared/corpora/polnear/dev"
python3 "$shared/eval/quotes.py" --copydesk "$copydesk" "$@" \
  "$shared/corpora/polnear/train" "$shared/corpora/polnear/dev" || failed+=(quotes)

if [ -f "$shared/eval/bylines.py" ] && [ -f "$shared/corpora/naeb/dev.json" ]; then
  echo "== bylines: $shared/corpora/naeb dev"
  python3 "$shared/eval/bylines.py" --copydesk "$copydesk" "$@" "$shared/corpora/naeb" dev || failed+=(bylines)
else
  echo "== bylines: skipped, $shared/eval/bylines.py or $shared/corpora/naeb is absent"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "score: these scorers failed: ${failed[*]}" >&2
  exit 1
fi
