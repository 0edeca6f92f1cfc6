#!/usr/bin/env bash
# Shows executions, poc-task-tokens, the poller schedule and Lambda activity: $ENDPOINT, or --endpoint URL, else
# poc's default (LocalCloud on :4566). Extra arguments go to `poc monitor` unchanged, e.g. --watch --interval 5.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
if [ -n "${ENDPOINT:-}" ]; then args+=(--endpoint "$ENDPOINT"); fi
exec dotnet run --project src/Poc.Cli -- monitor "${args[@]}" "$@"
