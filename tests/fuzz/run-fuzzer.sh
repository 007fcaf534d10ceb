#!/usr/bin/env bash
# Runs a libFuzzer binary for a bounded time on a copy of the seed corpus. Exit 77 (skipped) when the
# fuzz build is absent (no clang); otherwise the fuzzer's own status: non-zero means it found a crash.
set -u
bin="$1"; corpus="$2"; seconds="${3:-20}"
[ -x "$bin" ] || { echo "no fuzz build at $bin (clang missing?): skipped"; exit 77; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$corpus"/. "$work/"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$work" 2>&1 | tail -25
exit "${PIPESTATUS[0]}"
