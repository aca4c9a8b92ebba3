#!/usr/bin/env python3
"""Convert a copydesk SARIF report to a GitLab Code Quality report.

usage: sarif-to-codequality.py COPYDESK.sarif OUTPUT.json

GitLab shows Code Quality findings in merge requests. Suppressed findings are
left out: the article carries a reasoned exception for them, and so are
results a baseline marks "absent" (fixed). Severities map error -> major,
warning -> minor, note -> info.

GitLab tells new findings from old ones by fingerprint, so a fingerprint must
not change when lines are added above a finding. It is built from the path,
the rule and copydesk's stable partial fingerprint (copydeskFingerprint/v1),
never from the message or the line number (messages can name lines).
"""
import hashlib
import json
import sys
from urllib.parse import unquote

SEVERITY = {"error": "major", "warning": "minor", "note": "info", "none": "info"}
STABLE_KEY = "copydeskFingerprint/v1"


def issues(log):
    seen = set()
    for run in log.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions") or result.get("baselineState") == "absent":
                continue
            location = (result.get("locations") or [{}])[0].get("physicalLocation", {})
            # SARIF URIs are percent-encoded; GitLab wants the plain path.
            path = unquote(location.get("artifactLocation", {}).get("uri", ""))
            if path.startswith("./"):
                path = path[2:]
            region = location.get("region", {})
            line = region.get("startLine", 1)
            column = region.get("startColumn", 1)
            rule = result.get("ruleId", "copydesk")
            message = result.get("message", {}).get("text", rule)
            # GitLab matches issues across pipelines by fingerprint, and it must
            # be unique within the report. copydesk's partial fingerprint
            # survives edits elsewhere in the article; another tool's partial
            # fingerprints come next, and the position only as a last resort.
            partial = result.get("partialFingerprints") or {}
            if STABLE_KEY in partial:
                anchor = [f"{STABLE_KEY}={partial[STABLE_KEY]}"]
            else:
                anchor = [f"{key}={partial[key]}" for key in sorted(partial)] or [str(line), str(column)]
            basis = "\0".join([path, rule, *anchor])
            fingerprint = hashlib.sha256(basis.encode("utf-8")).hexdigest()
            while fingerprint in seen:
                fingerprint = hashlib.sha256((fingerprint + "+").encode("utf-8")).hexdigest()
            seen.add(fingerprint)
            yield {
                "type": "issue",
                "check_name": rule,
                "description": message,
                "severity": SEVERITY.get(result.get("level", "warning"), "minor"),
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "positions": {"begin": {"line": line, "column": column}},
                },
            }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as source:
        log = json.load(source)
    report = list(issues(log))
    with open(sys.argv[2], "w", encoding="utf-8") as output:
        json.dump(report, output, indent=2, ensure_ascii=False)
        output.write("\n")
    print(f"{len(report)} issue(s) written to {sys.argv[2]}")


if __name__ == "__main__":
    main()
