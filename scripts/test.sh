#!/usr/bin/env bash
# Quick start, command 2: install everything and run every check (build, typecheck, lint, tests).
# Ends with one line "N passed, N failed" counted from vitest's JSON report.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/ensure-services.sh
install_workspace
status=0
build_packages || { echo "build failed"; status=1; }
echo "==> typecheck"; pnpm_cmd run -s typecheck || { echo "typecheck failed"; status=1; }
echo "==> lint"; pnpm_cmd exec biome check . --reporter=summary --diagnostic-level=error || { echo "lint failed"; status=1; }
echo "==> tests"
rm -f .vitest-report.json
pnpm_cmd exec vitest run --reporter=default --reporter=json --outputFile.json=.vitest-report.json || status=1
node scripts/summary.mjs .vitest-report.json "$status"
