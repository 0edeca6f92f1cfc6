#!/usr/bin/env bash
# Will follow executions and the token table live through `poc monitor`, which does not exist yet.
set -euo pipefail
echo "poc monitor is not built yet" >&2
exit 1
