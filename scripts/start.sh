#!/usr/bin/env bash
# Quick start, command 1: install, build and run the main job.
source "$(dirname "$0")/lib.sh"
install_workspace
build_packages
echo "==> running examples/embed-basic"
cd "$ROOT/examples/embed-basic" && exec node --import tsx src/main.ts
