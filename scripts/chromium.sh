#!/bin/sh
# Makes sure Debian's Chromium is installed, then writes bin/chrome/chromium: a launcher with
# the flags headless runs need here (no sandbox as root, no reaching for a network that is not
# there). wasmbrowsertest finds it first on PATH; the end-to-end tests are given its path.
set -eu
if ! command -v /usr/bin/chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium (Debian's chromium package) for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium'." >&2
    exit 1
  fi
fi
mkdir -p bin/chrome
cat > bin/chrome/chromium <<'LAUNCHER'
#!/bin/sh
exec /usr/bin/chromium --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-first-run "$@"
LAUNCHER
chmod +x bin/chrome/chromium
