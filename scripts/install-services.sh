#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL, Redis and nginx are installed for the scale-out tests
# (tests/ReflectionWorkshop.ScaleOut.Tests). The tests start their own throw-away servers on 127.0.0.1
# with random ports and temp folders; nothing here starts, enables or configures a system service.
# Installs the missing packages with apt-get when we are root; never downloads anything any other way.
# Exit 0 when all three are there afterwards, 1 when not (the scale-out tests are then skipped, loudly).
set -uo pipefail

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; }
have_redis() { [ -x /usr/bin/redis-server ]; }
have_nginx() { [ -x /usr/sbin/nginx ]; }

missing=()
have_postgres || missing+=(postgresql)
have_redis || missing+=(redis-server)
have_nginx || missing+=(nginx)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-services: postgresql, redis-server and nginx are already installed."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-services: ${missing[*]} missing and this is not root, so they cannot be installed here." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-services: ${missing[*]} missing and there is no apt-get to install them with." >&2
  exit 1
fi

echo "install-services: installing Debian's ${missing[*]} (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
# Packages must not start their system services while installing (the tests run their own servers):
# a policy-rc.d that says "no" for the length of the install, removed again unless one was there before.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
if ! apt-get update -qq; then
  echo "install-services: apt-get update failed." >&2
fi
if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "install-services: apt-get install ${missing[*]} failed." >&2
fi

still=()
have_postgres || still+=(postgresql)
have_redis || still+=(redis-server)
have_nginx || still+=(nginx)
if [ "${#still[@]}" -eq 0 ]; then
  echo "install-services: installed ${missing[*]}."
  exit 0
fi
echo "install-services: still missing: ${still[*]}." >&2
exit 1
