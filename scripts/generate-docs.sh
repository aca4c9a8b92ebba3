#!/usr/bin/env bash
# Rewrites the generated parts of the documentation from the rule
# descriptions and the embedded default policy: the rule reference in
# docs/rules.md and the default policy's rule list in docs/policies.md.
# GeneratedDocsTests fails while they are stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
COPYDESK_UPDATE_DOCS=1 swift test --filter GeneratedDocsTests
git --no-pager diff --stat -- docs/ || true
