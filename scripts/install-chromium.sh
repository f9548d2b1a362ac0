#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
# Installs it with apt-get when it is missing and we are root; never downloads a browser any other way.
# RW_CHROMIUM may point at another Chromium (the tests use it too).
# Exit 0 when chromium is there afterwards, 1 when it is not (the browser tests are then skipped).
set -uo pipefail

chromium=/usr/bin/chromium

if [ -n "${RW_CHROMIUM:-}" ]; then
  if [ -x "$RW_CHROMIUM" ]; then
    echo "install-chromium: using RW_CHROMIUM=$RW_CHROMIUM."
    exit 0
  fi
  echo "install-chromium: RW_CHROMIUM=$RW_CHROMIUM is not an executable." >&2
  exit 1
fi
if [ -x "$chromium" ]; then
  echo "install-chromium: $chromium is already installed."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: $chromium is missing and this is not root, so it cannot be installed here." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $chromium is missing and there is no apt-get to install it with." >&2
  exit 1
fi

echo "install-chromium: $chromium is missing; installing Debian's chromium package (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq; then
  echo "install-chromium: apt-get update failed." >&2
fi
if ! apt-get install -y -qq chromium >/dev/null; then
  echo "install-chromium: apt-get install chromium failed." >&2
fi

if [ -x "$chromium" ]; then
  echo "install-chromium: installed $("$chromium" --version 2>/dev/null | tail -n1)."
  exit 0
fi
echo "install-chromium: $chromium is still missing." >&2
exit 1
