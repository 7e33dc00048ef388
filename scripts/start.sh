#!/usr/bin/env bash
# Quick start, command 1: install, then run the bot on the embedded SQLite store with two Microsoft 365 Agents
# Playgrounds (a rep and their manager) as the chat clients, all on 127.0.0.1. Stop with Ctrl+C.
# `npm start -- --example` runs examples/embed-basic (the library on its own) instead.
source "$(dirname "$0")/lib.sh"
install_workspace
if [ "${1:-}" = "--example" ]; then
  build_packages
  cd "$ROOT/examples/embed-basic" && exec node --import tsx src/main.ts
fi
# exec, not `pnpm run`: pnpm (and the sh it runs scripts in) would report Ctrl+C as a failed command.
# The launcher stops the bot, its store and the Playgrounds itself and says so in one line.
cd "$ROOT/teams-app" && exec node --conditions=source --import tsx src/dev/launch-playground.ts
