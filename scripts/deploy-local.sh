#!/usr/bin/env bash
# Deploys the callback pattern to an endpoint: $ENDPOINT, or --endpoint URL, else poc's default (LocalCloud on :4566).
# Extra arguments go to `poc deploy` unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
if [ -n "${ENDPOINT:-}" ]; then args+=(--endpoint "$ENDPOINT"); fi
exec dotnet run --project src/Poc.Cli -- deploy "${args[@]}" "$@"
