#!/usr/bin/env bash
# Checks that hostile input costs copydesk bounded time and memory: for each
# case it generates an input in a temporary folder, runs copydesk on it
# under `timeout` and GNU time, prints the case's wall time, CPU time and
# peak memory, and fails when a case runs longer or takes more memory than
# the limit (generous: a 1 MB input has 2 s of CPU and 5 s of wall time on
# a busy machine, every case 500 MB), or when
# copydesk crashes (exit status above 2).
#
# usage: scripts/hostile-bounds.sh [COPYDESK_BINARY]
#   (default: .build/release/copydesk; build it with `swift build -c release`)
#
# The cases are the ones of the "hostile and broken input" issue: YAML alias
# bombs and deep nesting in front matter and policies, repeated paragraphs,
# captions and alt texts, a long paragraph of quotations, catastrophic
# policy regexes, and Markdown and HTML nesting and brackets.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${1:-$root/.build/release/copydesk}
if [ ! -x "$binary" ]; then
  echo "hostile-bounds: no copydesk binary at $binary (run swift build -c release)" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "hostile-bounds: GNU time is needed at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2
  exit 1
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
max_seconds=2
max_wall=5
max_kb=$((500 * 1024))
failures=0

# run NAME EXPECTED_STATUSES COMMAND...: runs COMMAND in $work and checks it.
run() {
  local name=$1 expected=$2
  shift 2
  local status cpu wall kb
  (cd "$work" && exec timeout -s KILL $((max_wall * 2)) /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" \
    >"$work/out" 2>"$work/err")
  status=$?
  if [ -s "$work/time" ] && ! grep -q 'Command' "$work/time"; then
    read -r wall user system kb <"$work/time"
  else
    # Killed by timeout, or a signal: GNU time writes a note before the numbers.
    read -r wall user system kb < <(tail -1 "$work/time" 2>/dev/null || echo "? 0 0 0")
  fi
  cpu=$(awk -v u="${user:-0}" -v s="${system:-0}" 'BEGIN { printf "%.2f", u + s }')
  local verdict=ok
  if [ "$status" -eq 137 ] || [ "$status" -eq 124 ]; then
    verdict="FAIL (killed after $((max_wall * 2)) s)"
  elif [[ " $expected " != *" $status "* ]]; then
    verdict="FAIL (exit $status, expected one of: $expected)"
  elif awk -v w="$wall" -v c="$cpu" -v m="$max_seconds" -v mw="$max_wall" 'BEGIN { exit !(w > mw || c > m) }'; then
    verdict="FAIL (over $max_seconds s of CPU or $max_wall s of wall time)"
  elif [ "${kb:-0}" -gt "$max_kb" ]; then
    verdict="FAIL (over $((max_kb / 1024)) MB)"
  fi
  printf '%-34s wall %6ss  cpu %6ss  peak %6d MB  exit %3s  %s\n' "$name" "$wall" "$cpu" "$(( ${kb:-0} / 1024 ))" "$status" "$verdict"
  if [ "$verdict" != ok ]; then
    failures=$((failures + 1))
    head -c 600 "$work/err" | sed 's/^/    /'
  fi
  rm -f "$work/time"
}

# repeat TEXT COUNT: TEXT printed COUNT times.
repeat() {
  awk -v text="$1" -v count="$2" 'BEGIN { for (i = 0; i < count; i++) printf "%s", text }'
}

# A "billion laughs": each anchor lists its predecessor ten times.
bomb() {
  local levels=$1
  echo 'a0: &a0 "lol"'
  for ((i = 1; i <= levels; i++)); do
    printf 'a%d: &a%d [' "$i" "$i"
    for ((j = 0; j < 10; j++)); do printf '*a%d%s' $((i - 1)) "$([ $j -lt 9 ] && echo ', ')"; done
    echo ']'
  done
}

# 1. YAML alias bombs and nesting.
{ echo '---'; bomb 9; echo 'title: bomb'; echo '---'; echo 'The council met on Tuesday.'; } >"$work/bomb.md"
run "front matter alias bomb (9 levels)" "0 1 2" "$binary" lint bomb.md
{ echo '---'; bomb 9; echo '? *a9'; echo ': value'; echo '---'; echo 'The council met.'; } >"$work/alias-key.md"
run "front matter alias bomb as key" "0 1 2" "$binary" lint alias-key.md
{ echo '---'; echo "deep: $(repeat '[' 100000)"; echo '---'; echo 'The council met.'; } >"$work/deep.md"
run "front matter nesting 100k deep" "0 1 2" "$binary" lint deep.md
{ echo 'schema: 1'; echo 'rules:'; echo '  x:'; bomb 9 | sed 's/^/    /'; echo 'exclude: *a9'; } >"$work/bomb.yml"
run "policy alias bomb (9 levels)" "2" "$binary" policy check bomb.yml
{ echo 'schema: 1'; echo 'rules:'; echo '  x:'; bomb 9 | sed 's/^/    /'; echo '? *a9'; echo ': value'; } >"$work/alias-key.yml"
run "policy alias bomb as key" "2" "$binary" policy check alias-key.yml

# 2. Repeated paragraphs, captions and alt texts (1 MB each).
repeat 'x\n\n' 350000 >"$work/repeat-x.txt"
run "1 MB of repeated 'x' lines (.txt)" "0 1 2" "$binary" lint repeat-x.txt
repeat 'The council approved the budget on Tuesday after a long debate.\n\n' 16000 >"$work/repeat-sentence.md"
run "1 MB of one repeated paragraph" "0 1 2" "$binary" lint repeat-sentence.md
repeat '![The mayor at the podium.](mayor.jpg)\n*The mayor at the podium.*\n\n' 13000 >"$work/repeat-caption.md"
run "1 MB of repeated captions, alt texts" "0 1 2" "$binary" lint repeat-caption.md

# 3. A long paragraph of quotations.
repeat '“one two three four five,” said. ' 30000 >"$work/quotes.txt"
run "1 MB paragraph of quotations" "0 1 2" "$binary" lint quotes.txt
# Under inspect (which attributes every quotation, not only the ones the
# rule reports) at 500 KB: at 1 MB most of the time goes to encoding the
# JSON of 40,000 quotations, about 1.7 s.
repeat '“One two three,” Ortiz said, “four five six.” ' 10000 >"$work/split-quotes.txt"
run "inspect 500 KB of split quotations" "0 1 2" "$binary" inspect --format json split-quotes.txt
repeat 'the "one two" and "three four" went on ' 12500 >"$work/phrases.txt"
run "inspect 500 KB of quoted phrases" "0 1 2" "$binary" inspect --format json phrases.txt

# 4. Policy regular expressions.
cat >"$work/regex.yml" <<'EOF'
schema: 1
rules:
  legal-notice: error
notices:
  - id: test
    text: A notice.
    required: {when: {patterns: ['(a+)+$']}}
EOF
run "policy pattern (a+)+\$" "2" "$binary" policy check regex.yml
sed 's/(a+)+\$/\\bcase no\\. \\d+/' "$work/regex.yml" >"$work/safe-regex.yml"
repeat 'a' 1000000 >"$work/aaaa.txt"
run "safe pattern, 1 MB paragraph" "0 1 2" "$binary" lint --policy safe-regex.yml aaaa.txt

sed 's/(a+)+\$/a*a*a*a*a*a*a*a*a*b/' "$work/regex.yml" >"$work/slow-regex.yml"
repeat 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n' 10000 >"$work/aaaa.md"
run "slow pattern, 10k paragraphs" "0 1 2" "$binary" lint --policy slow-regex.yml aaaa.md

# 5. Markdown and HTML.
repeat '[' 1000000 >"$work/brackets.md"
run "1 MB of '['" "0 1 2" "$binary" lint brackets.md
repeat '[a](' 250000 >"$work/open-links.md"
run "1 MB of '[a]('" "0 1 2" "$binary" lint open-links.md
for ((depth = 1; depth <= 1000; depth++)); do repeat '> ' "$depth"; echo 'Quoted text.'; done >"$work/nested-quotes.md"
run "blockquotes 1 to 1000 deep (1 MB)" "0 1 2" "$binary" lint nested-quotes.md
repeat '>' 1000000 >"$work/quote-markers.md"
run "1 MB of '>'" "0 1 2" "$binary" lint quote-markers.md
{ echo '<html><body>'; repeat '<div>' 200000; echo '<p>Text.</p>'; } >"$work/deep.html"
run "HTML 200k nested divs" "0 1 2" "$binary" lint deep.html
{ echo '<html><body>'; repeat '<table><tr><td>' 60000; echo '<p>Text.</p>'; } >"$work/deep-table.html"
run "HTML 60k nested tables" "0 1 2" "$binary" lint deep-table.html
{ echo '<html><body>'; repeat '<ul><li>' 100000; echo '<p>Text.</p>'; } >"$work/deep-list.html"
run "HTML 100k nested lists" "0 1 2" "$binary" lint deep-list.html
{ echo '<html><body><p>'; repeat 'The council met on <b>Tuesday</b>, “she said.” ' 20000; echo '</p>'; } | tr -d '\n' >"$work/line.html"
run "1 MB single line of HTML" "0 1 2" "$binary" lint line.html

if [ "$failures" -gt 0 ]; then
  echo "hostile-bounds: $failures case(s) over the limits" >&2
  exit 1
fi
echo "hostile-bounds: every case within ${max_seconds} s of CPU, ${max_wall} s of wall time and $((max_kb / 1024)) MB"
