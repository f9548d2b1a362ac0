#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the browser tests: its headless shell
# (/usr/bin/chromium-headless-shell, package chromium-headless-shell), which runs the browser tests in about
# half the time and CPU of the full browser; the full /usr/bin/chromium is used when only it is installed.
# Installs the headless shell with apt-get when it is missing and we are root; never downloads a browser any other way.
# RW_CHROMIUM may point at another Chromium (the tests use it too).
# Exit 0 when a chromium is there afterwards, 1 when none is (the browser tests are then skipped).
set -uo pipefail

shell=/usr/bin/chromium-headless-shell
full=/usr/bin/chromium

if [ -n "${RW_CHROMIUM:-}" ]; then
  if [ -x "$RW_CHROMIUM" ]; then
    echo "install-chromium: using RW_CHROMIUM=$RW_CHROMIUM."
    exit 0
  fi
  echo "install-chromium: RW_CHROMIUM=$RW_CHROMIUM is not an executable." >&2
  exit 1
fi
if [ -x "$shell" ]; then
  echo "install-chromium: $shell is already installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $shell is missing; installing Debian's chromium-headless-shell package (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get update -qq; then
    echo "install-chromium: apt-get update failed." >&2
  fi
  if ! apt-get install -y -qq chromium-headless-shell >/dev/null; then
    echo "install-chromium: apt-get install chromium-headless-shell failed." >&2
  fi
  if [ -x "$shell" ]; then
    echo "install-chromium: installed $("$shell" --version 2>/dev/null | tail -n1)."
    exit 0
  fi
else
  echo "install-chromium: $shell is missing and this is not root with apt-get, so it cannot be installed here." >&2
fi

if [ -x "$full" ]; then
  echo "install-chromium: using the full $full instead (slower)."
  exit 0
fi
echo "install-chromium: no chromium at $shell or $full." >&2
exit 1
