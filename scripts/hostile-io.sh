#!/usr/bin/env bash
# Runs copydesk against hostile and broken input made up on the spot in a
# temporary directory, and checks exit codes, messages, that nothing hangs
# and that no input file is overwritten.
#
#   scripts/hostile-io.sh [path/to/copydesk]   (default .build/release/copydesk)
#
# Prints one line per check and exits 1 if any check failed.
set -u
bin=${1:-.build/release/copydesk}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [[ ! -x $bin ]]; then echo "hostile-io: no executable at $bin (swift build -c release)" >&2; exit 2; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/copydesk-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
export NO_COLOR=1
failures=0
limit=20   # seconds any one run may take

ok()   { echo "ok    $1"; }
fail() { echo "FAIL  $1${2:+ ($2)}"; failures=$((failures + 1)); }

# run NAME EXPECTED-STATUS COMMAND...: runs with a timeout; output in out.txt/err.txt.
run() {
  local name=$1 expected=$2; shift 2
  timeout "$limit" "$@" >out.txt 2>err.txt
  status=$?
  if [[ $status == 124 ]]; then fail "$name" "timed out after ${limit}s"; return 1; fi
  if [[ $status != "$expected" ]]; then fail "$name" "exit $status, expected $expected: $(head -c 300 err.txt)"; return 1; fi
  return 0
}
# expect NAME FILE TEXT: FILE contains TEXT.
expect() {
  if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1" "'$3' not in $2: $(head -c 300 "$2")"; fi
}

article='# Harbour reopens

By Ana Field

The ferry "runs again from Monday.
'
printf '%s' "$article" > v.md
sum=$(cksum < v.md)
unchanged() { if [[ $(cksum < v.md) == "$sum" ]]; then ok "$1: v.md unchanged"; else fail "$1: v.md was overwritten"; printf '%s' "$article" > v.md; fi; }

# 1. --output onto an input
ln -s v.md soft.md; ln v.md hard.md
for out in v.md ./v.md soft.md hard.md "$work/v.md"; do
  run "--output $out onto the input" 2 "$bin" lint --output "$out" v.md && expect "--output $out refused" err.txt "refusing to write the report over"
  unchanged "--output $out"
done
rm -f soft.md hard.md
mkdir reports && echo old > reports/r.txt && ln -s reports/r.txt latest.txt
run "--output through a link to a report" 1 "$bin" lint --output latest.txt v.md && {
  [[ -L latest.txt ]] && ok "--output keeps the link" || fail "--output replaced the link"
  expect "--output wrote the report" reports/r.txt "[quote-balance]"
}
run "--output \"\"" 2 "$bin" lint --output "" v.md && expect "--output \"\" message" err.txt "--output needs a file name"
run "--output a directory" 2 "$bin" lint --output reports v.md && expect "--output directory message" err.txt "is a directory"
run "--output in a missing directory" 2 "$bin" lint --output gone/r.txt v.md && expect "--output missing directory message" err.txt "cannot create a file in 'gone'"
rm -f latest.txt

# 2. Broken standard streams
run "stdout /dev/full" 2 bash -c '"$0" lint v.md > /dev/full' "$bin" && expect "stdout /dev/full message" err.txt "No space left on device"
run "stdout closed" 2 bash -c '"$0" lint v.md >&-' "$bin" && expect "stdout closed message" err.txt "cannot write to standard output (it is closed)"
run "stderr closed" 2 bash -c '"$0" lint missing.md 2>&-' "$bin" && ok "stderr closed: exit 2"
run "stdin closed" 2 bash -c '"$0" lint --stdin-filename x.md - <&-' "$bin" && expect "stdin closed message" out.txt "standard input is closed"
mkdir many; for i in $(seq 1 300); do cp v.md "many/copy-$i.md"; done
run "broken pipe" 0 bash -c 'trap "" PIPE; "$0" lint --format json many | head -c1 >/dev/null; exit $((PIPESTATUS[0] == 2 ? 0 : 1))' "$bin" \
  && { [[ -s err.txt ]] && fail "broken pipe is quiet" "$(head -c 300 err.txt)" || ok "broken pipe: exit 2, quietly"; }
rm -rf many

# 3. Size and binary content
run "stdin /dev/zero" 0 bash -c '"$0" lint --stdin-filename z.md - < /dev/zero' "$bin" && expect "stdin /dev/zero is binary" out.txt "binary file (NUL byte at offset 0), not linted"
truncate -s 2G huge.md
run "2 GB sparse file" 2 "$bin" lint huge.md v.md && expect "2 GB file refused" out.txt "too large: its 2 GB are over the 64 MB limit" && expect "other file still linted" out.txt "v.md:5:11: error:"
rm -f huge.md
run "--max-file-size 10" 2 "$bin" lint --max-file-size 10 v.md && expect "--max-file-size message" out.txt "over the 10 bytes limit"
run "--max-file-size bad" 2 "$bin" lint --max-file-size lots v.md && expect "--max-file-size bad message" err.txt "is not a size"

# 4. Discovery
mkdir -p loop/desk && cp v.md loop/desk/story.md
ln -s . loop/desk/again; ln -s ../desk loop/desk/up; ln -s b loop/desk/a; ln -s a loop/desk/b
run "symbolic link loops" 1 "$bin" lint loop && {
  n=$(grep -c 'quote-balance' out.txt); [[ $n == 1 ]] && ok "symbolic link loops: one article linted once" || fail "symbolic link loops" "linted $n times"
}
rm -rf loop
mkdir names; printf '%s' "$article" > "names/caf$(printf '\xe9').md"
run "non-UTF-8 file name" 2 "$bin" lint names && expect "non-UTF-8 name reported" out.txt 'caf\xE9.md: error: not linted: the name is not valid UTF-8'
rm -rf names
mkdir -p deep/inner; printf '# Deep\n\nThe deep copy "opens.\n' > deep/x.md; ln -s deep/inner link; printf '# Top\n\nPlain.\n' > x.md
run "link/../x.md" 1 "$bin" lint link/../x.md && expect "link/../x.md reads deep/x.md" out.txt "deep/x.md:3:"
rm -rf deep link x.md
run "lint \"\"" 2 "$bin" lint "" && expect "lint \"\" message" err.txt "an empty path names nothing"
for glob in '[' 'a\' ''; do
  run "--exclude '$glob'" 2 "$bin" lint --exclude "$glob" v.md && expect "--exclude '$glob' named" err.txt "--exclude '$glob':"
done
printf '\xff\xfe' > utf16.md; printf '# Title\n\nBy Ana Field\n\nA "line.\n' | iconv -f UTF-8 -t UTF-16LE >> utf16.md
run "UTF-16 article" 1 "$bin" lint utf16.md && expect "UTF-16 article linted" out.txt "utf16.md:5:3: error:"
rm -f utf16.md
printf -- '---\ntitle: [unclosed\n---\n# Title\n\nBy Ana Field\n\nText.\n' > warned.md
run "summary wording" 0 "$bin" lint warned.md && expect "a linted file with a warning is not 'skipped'" out.txt "in 1 file; 1 input warning."
rm -f warned.md

# 5. Terminal escapes
printf '# Head\n\nBy Ana Field\n\nShe said \033]0;owned\007 "it \342\200\256works \302\23331m.\n' > esc.md
run "escapes in text report" 1 "$bin" lint esc.md && {
  if LC_ALL=C grep -qP '\x1b|\x07|\xc2\x9b|\xe2\x80\xae' out.txt err.txt; then fail "raw control characters in the report"; else ok "no raw control characters in the report"; fi
  expect "bidi override shown" out.txt "<U+202E>"
}
run "escapes in github report" 1 "$bin" lint --format github esc.md && {
  if LC_ALL=C grep -qP '\x1b|\x07|\xc2\x9b|\xe2\x80\xae' out.txt; then fail "raw control characters in the github report"; else ok "no raw control characters in the github report"; fi
}
printf 'schema: 1\nrules:\n  quote\342\200\256balance: error\n' > esc.yml
run "escapes in policy errors" 2 "$bin" lint --policy esc.yml v.md && expect "policy error escaped" err.txt "quote<U+202E>balance"
rm -f esc.md esc.yml

# 6. Policy files that are not files
mkfifo fifo.yml; mkdir dir.yml
run "policy FIFO" 2 "$bin" lint --policy fifo.yml v.md && expect "policy FIFO message" err.txt "is not a regular file (it is a FIFO (named pipe))"
run "policy /dev/zero" 2 "$bin" lint --policy /dev/zero v.md && expect "policy /dev/zero message" err.txt "is not a regular file (it is a character device)"
run "policy directory" 2 "$bin" lint --policy dir.yml v.md && expect "policy directory message" err.txt "is a directory, not a policy file"
printf 'schema: 1\nextends: [default, fifo.yml]\n' > extends.yml
run "extends a FIFO" 2 "$bin" policy check extends.yml && expect "extends FIFO message" err.txt "is not a regular file"
printf 'schema: 1\nextends: default\nrules:\n  byline:\n    staff-list: /dev/zero\n' > staff.yml
run "staff list /dev/zero" 2 "$bin" policy check staff.yml && expect "staff list message" err.txt "is not a regular file (it is a character device)"

unchanged "after every check"
echo
if [[ $failures -gt 0 ]]; then echo "hostile-io: $failures check(s) failed"; exit 1; fi
echo "hostile-io: all checks passed"
