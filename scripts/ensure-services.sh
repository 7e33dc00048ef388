#!/usr/bin/env bash
# Makes sure what the tests need from the machine is there: Debian's chromium (card rendering and the
# Playground end-to-end test) and a reachable PostgreSQL. Installs Debian packages when running as root;
# otherwise says what is missing. PostgreSQL tests fall back to a throwaway cluster when no server answers.
set -uo pipefail
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v pg_isready >/dev/null 2>&1 || need_apt+=(postgresql)
fonts_ok=$(fc-list 2>/dev/null | grep -ci 'noto.*cjk' || true)
[ "${fonts_ok:-0}" -gt 0 ] || need_apt+=(fonts-noto-cjk)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing Debian packages: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_apt[@]}") >/tmp/rebound-apt.log 2>&1 \
      || { echo "apt-get install ${need_apt[*]} failed (log: /tmp/rebound-apt.log)"; tail -5 /tmp/rebound-apt.log; }
  else
    echo "missing: ${need_apt[*]} (install them with your package manager, or run as root on Debian)"
  fi
fi
if command -v pg_isready >/dev/null 2>&1; then
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "==> PostgreSQL answers on 127.0.0.1:5432"
  else
    echo "==> no PostgreSQL on 127.0.0.1:5432: the PostgreSQL tests will start a throwaway cluster"
  fi
fi
exit 0
