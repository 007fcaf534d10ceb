#!/usr/bin/env bash
# `iamsmart catalog openapi` checked by independent tools from the npm registry (tests/openapi/package.json):
# @apidevtools/swagger-parser validates the JSON and YAML documents of every family, and Prism starts a mock
# server from the document and answers a documented request. The tools are installed into BUILD/npm by
# scripts/lib.sh (install_npm_tools; scripts/test calls it, and so does this test when they are missing).
# Skips (77) only when npm is not installed.
set -euo pipefail
build="$1"
command -v npm >/dev/null && command -v node >/dev/null || { echo "npm is not installed: skipped"; exit 77; }
IAMSMART_BUILD_DIR="$build" bash -c 'source "$(dirname "$0")/../../scripts/lib.sh" && install_npm_tools' "$0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tool="$build/bin/iamsmart"
"$tool" catalog openapi --out "$work/all.json"
"$tool" catalog openapi --format yaml --out "$work/all.yaml"
"$tool" catalog openapi --family iamsmart --out "$work/iamsmart.json"
"$tool" catalog openapi --family gateway --format yaml > "$work/gateway.yaml"
cd "$build/npm"
NODE_PATH="$build/npm/node_modules" node "$(dirname "$(readlink -f "$0")")/check.js" --prism "$work/iamsmart.json" \
  "$work/all.json" "$work/all.yaml" "$work/iamsmart.json" "$work/gateway.yaml"
