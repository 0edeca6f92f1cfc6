#!/usr/bin/env bash
# Deploys, then runs every scenario 3 times and checks the pattern: $ENDPOINT, or --endpoint URL, else LocalCloud on :4566.
# Extra arguments go to `poc test` unchanged (e.g. --runs 1 --trigger-poller).
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
if [ -n "${ENDPOINT:-}" ]; then args+=(--endpoint "$ENDPOINT"); fi
exec dotnet run --project src/Poc.Cli -- test "${args[@]}" "$@"
