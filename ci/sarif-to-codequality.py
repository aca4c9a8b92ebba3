#!/usr/bin/env python3
"""Convert a copydesk SARIF report to a GitLab Code Quality report.

usage: sarif-to-codequality.py COPYDESK.sarif OUTPUT.json

GitLab shows Code Quality findings in merge requests. Suppressed findings are
left out: the article carries a reasoned exception for them. Severities map
error -> major, warning -> minor, note -> info.
"""
import hashlib
import json
import sys
from urllib.parse import unquote

SEVERITY = {"error": "major", "warning": "minor", "note": "info", "none": "info"}


def issues(log):
    seen = set()
    for run in log.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions"):
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
            # be unique within the report. SARIF's partial fingerprints survive
            # edits elsewhere in the article; the position is the fallback.
            partial = result.get("partialFingerprints") or {}
            anchor = [f"{key}={partial[key]}" for key in sorted(partial)] or [str(line), str(column)]
            basis = "\0".join([path, rule, *anchor, message])
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
