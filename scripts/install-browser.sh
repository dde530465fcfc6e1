#!/usr/bin/env bash
# Installs the headless browser the browser tests use (test/browser/):
# Debian's `chromium` at /usr/bin/chromium, plus a basic font. Idempotent:
# does nothing when /usr/bin/chromium exists. When it cannot install (not
# root, no apt-get) it says why and exits 0; the browser tests then skip
# locally and fail under CI, where the browser is required.
set -euo pipefail

BROWSER=/usr/bin/chromium

if [ -x "$BROWSER" ]; then
  echo "install-browser: $BROWSER already present ($("$BROWSER" --version 2>/dev/null || echo 'version unknown')); nothing to do"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: $BROWSER is missing and this is not root; not installing."
  echo "install-browser: as root run: apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: $BROWSER is missing and apt-get is not available (not Debian/Ubuntu); not installing."
  exit 0
fi

echo "install-browser: installing chromium and fonts-dejavu-core with apt-get ..."
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's chatter goes to a log, shown only when something fails
if ! { apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browser: apt-get failed (output above)" >&2
  exit 1
fi
if [ ! -x "$BROWSER" ]; then
  echo "install-browser: apt-get finished but $BROWSER is still missing" >&2
  exit 1
fi
echo "install-browser: installed $("$BROWSER" --version 2>/dev/null || echo "$BROWSER")"
