#!/usr/bin/env bash
# The findings copydesk reports on examples/, one a line as
# "path:line:column rule" ("… rule suppressed" for a suppressed one), kept in
# examples/.expected-findings.txt (hidden, so linting the folder skips it), so
# that a change in what the rules find on the examples is a diff someone
# reads, not a silent drift.
#
#   scripts/examples-findings.sh [--check] [COPYDESK_BINARY]
#
# Without --check it rewrites examples/.expected-findings.txt. With --check it
# fails when copydesk's findings differ from the file, or when the tables of
# examples/README.md list other findings than the file (.ci/run runs this).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
copydesk=${1:-${COPYDESK_BIN:-.build/release/copydesk}}
[ -x "$copydesk" ] || { echo "no copydesk binary at $copydesk (build it, or pass its path)" >&2; exit 2; }

golden=examples/.expected-findings.txt
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
"$copydesk" lint --format json --output "$report" examples/ || status=$?
[ "$status" -le 1 ] || { echo "copydesk lint examples/ exited $status" >&2; exit 2; }

python3 - "$report" "$golden" "$check" <<'PY'
import json, re, sys

report_path, golden_path, check = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
header = ("# Findings of `copydesk lint examples/` with the default policy: path:line:column rule,\n"
          "# 'suppressed' for a suppressed one. Written by scripts/examples-findings.sh; .ci/run compares.\n")
report = json.load(open(report_path, encoding="utf-8"))
lines = []
for file in report["files"]:
    for finding in file["findings"]:
        start = finding["range"]["start"]
        line = f'{file["path"]}:{start["line"]}:{start["column"]} {finding["ruleId"]}'
        if finding.get("suppressed"):
            line += " suppressed"
        lines.append(line)
actual = header + "".join(line + "\n" for line in lines)

if not check:
    open(golden_path, "w", encoding="utf-8").write(actual)
    print(f"wrote {golden_path}: {len(lines)} findings")
    sys.exit(0)

failed = False
expected = open(golden_path, encoding="utf-8").read()
if expected != actual:
    import difflib
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               golden_path, "copydesk lint examples/"))
    print(f"FAIL: the findings on examples/ differ from {golden_path} (diff above); if the change is "
          "intended, run scripts/examples-findings.sh and update examples/README.md")
    failed = True

# Each "## FILE (…)" section of examples/README.md lists its findings in a
# table whose rows start "| line:column | `rule` |".
tables = set()
current = None
for text in open("examples/README.md", encoding="utf-8"):
    heading = re.match(r"## (\S+) \(", text)
    if heading:
        current = "examples/" + heading.group(1)
        continue
    row = re.match(r"\| (\d+):(\d+) \| `([a-z-]+)` \| (.*)", text)
    if row and current:
        suppressed = " suppressed" if "**suppressed**" in row.group(4) else ""
        tables.add(f"{current}:{row.group(1)}:{row.group(2)} {row.group(3)}{suppressed}")
listed = set(lines) - {line for line in lines if line.startswith("examples/README.md:")}
if tables != listed:
    for line in sorted(listed - tables):
        print(f"examples/README.md does not list: {line}")
    for line in sorted(tables - listed):
        print(f"examples/README.md lists a finding copydesk does not report: {line}")
    print("FAIL: the tables of examples/README.md disagree with the findings")
    failed = True
if failed:
    sys.exit(1)
print(f"{len(lines)} findings, as {golden_path} and the tables of examples/README.md list them")
PY
