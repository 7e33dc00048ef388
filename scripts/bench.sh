#!/usr/bin/env bash
# Runs every benchmark (each writes bench/reports/<area>.md) and assembles BENCHMARKS.md from the reports.
# `npm run bench` runs them all (about 15 minutes on 2 cores); `npm run bench -- --assemble` only assembles.
source "$(dirname "$0")/lib.sh"
cd "$ROOT/bench"
if [ "${1:-}" != "--assemble" ]; then
  for script in core-service tone-review prompts-replies insights-org cards-render store-sql bot-checkin delivery-fanout; do
    [ -f "src/$script.ts" ] || continue
    echo "==> bench $script"
    node --conditions=source --import tsx "src/$script.ts" > "/tmp/rebound-bench-$script.log" 2>&1 \
      || { echo "bench $script failed (log: /tmp/rebound-bench-$script.log)"; tail -5 "/tmp/rebound-bench-$script.log"; }
  done
fi
{
  cat reports/intro.md
  for report in core-service tone prompts-replies insights store-sql cards bot delivery; do
    [ -f "reports/$report.md" ] || continue
    printf '\n'
    # Each report's first heading becomes a section of this file, whatever level its author gave it.
    sed '1s/^#* */## /' "reports/$report.md"
  done
} > "$ROOT/BENCHMARKS.md"
echo "==> wrote BENCHMARKS.md"
