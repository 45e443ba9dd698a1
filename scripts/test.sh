#!/usr/bin/env bash
# npm test: every check, on the Node the console ships on (scripts/node-runtime.sh installs the
# pinned build when this machine lacks it), then the unit and contract tests again on the newest LTS
# line. Each step's time is printed, and all of them at the end, so a slow step shows in CI's log.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-runtime.sh

timings=()
step() {
  local name="$1" start=$SECONDS
  shift
  echo
  echo "━━ $name ($(node --version))"
  "$@"
  timings+=("$(printf '%-24s %5d s' "$name" $((SECONDS - start)))")
}

use_node 24
step lint npm run lint
step typecheck npm run typecheck
step unit npm run test:unit
step contract npm run test:contract
use_node 26
step 'unit (Node 26)' npm run test:unit
step 'contract (Node 26)' npm run test:contract
use_node 24
step build npm run build
step 'page weight' npm run test:build
step standalone npm run test:standalone
step e2e npm run test:e2e
step container env CONTAINER_CONTEXT=. npm run test:container

echo
echo "━━ npm test passed; time per step:"
printf '  %s\n' "${timings[@]}"
