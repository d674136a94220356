#!/usr/bin/env bash
# Finds the Chromium the browser tests drive. On Debian as root it installs the distribution's
# package when missing; anywhere else it stops and says exactly what to install.
# Playwright's own browser download cannot work here (no network but the registries).
set -euo pipefail
want="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$want" ]; then
  echo "browser tests: using $want"
  exit 0
fi
if [ -f /etc/debian_version ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "browser tests: $want not found; installing Debian's chromium (about 80 MB)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x /usr/bin/chromium ]; then
    echo "browser tests: installed /usr/bin/chromium"
    exit 0
  fi
fi
cat >&2 <<MSG
browser tests need Chromium at $want, and it is missing.
  On Debian/Ubuntu:  sudo apt-get install -y chromium
  Elsewhere: install Chromium or Chrome and run with CHROMIUM_PATH=/path/to/chrome npm test
(Playwright's browser download, 'npx playwright install', is not used by this project.)
MSG
exit 1
