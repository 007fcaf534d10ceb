#!/bin/sh
# A browser for tests: headless Chromium runs the page's JavaScript (on virtual time, which waits for the
# network), follows its redirect, prints the final DOM and exits. The URL comes last, as from `iamsmart run`.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
  --virtual-time-budget=60000 --dump-dom "$@" >/dev/null 2>&1
