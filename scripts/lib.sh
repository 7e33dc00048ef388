# Shared by start.sh, test.sh and .ci/run. Finds or installs pnpm 10 and installs the workspace.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"
export npm_config_nodedir="${npm_config_nodedir:-/usr}"   # better-sqlite3 builds from source against Node's headers

pnpm_cmd() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    pnpm "$@"
  elif npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    pnpm "$@"
  else
    npx --yes "pnpm@$PNPM_VERSION" "$@"
  fi
}

install_workspace() {
  echo "==> installing dependencies (pnpm $PNPM_VERSION)"
  (cd "$ROOT" && pnpm_cmd install --frozen-lockfile --reporter=append-only) | grep -vE '^\.\.\./' || true
  # better-sqlite3 must have its native addon; a silent build failure shows up only at first use.
  (cd "$ROOT/packages/store-sql" && node -e "new (require('better-sqlite3'))(':memory:').close()") \
    || { echo "better-sqlite3 did not build: it needs python3, make and g++ with Node's headers (npm_config_nodedir)"; exit 1; }
}

build_packages() {
  echo "==> building packages"
  (cd "$ROOT" && pnpm_cmd -r --filter './packages/*' build >/dev/null)
}
