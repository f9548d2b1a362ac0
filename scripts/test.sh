#!/usr/bin/env bash
# Runs the whole test suite and ends with one line: "N passed, N failed, N skipped".
# A run that executed no test fails, so a broken discovery never looks green.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Join").
set -uo pipefail
cd "$(dirname "$0")/.."

results="TestResults"
rm -rf "$results"

# The browser tests drive Debian's Chromium (its headless shell, else /usr/bin/chromium) through Playwright; no browser is ever
# downloaded. Without chromium they are skipped, loudly, and everything else still runs.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
browser_note=""
if ! bash scripts/install-chromium.sh; then
  browser_note="SKIPPED browser tests: chromium not available (as root: apt-get install chromium-headless-shell)"
  echo "$browser_note" >&2
fi

# The scale-out tests start their own PostgreSQL, Redis and nginx on 127.0.0.1 from Debian's packages
# (installed when missing and we are root). Without them they are skipped, loudly, like the browser tests.
services_note=""
if ! bash scripts/install-services.sh; then
  services_note="SKIPPED scale-out tests: postgresql, redis-server or nginx not available (as root: bash scripts/install-services.sh)"
  echo "$services_note" >&2
fi

# Dynamic PGO instruments hot code to optimise it later, which pays off in a long-running server, not in test
# processes that live two minutes: without it the web tests took 205 CPU-seconds instead of 237 (2026-12-07).
export DOTNET_TieredPGO=0

# -m:6, one MSBuild node per test project: with the default (one per core) a 2-core machine ran the test projects
# two at a time in build order, so the web tests (the longest) only started once the browser tests were done.
dotnet test ReflectionWorkshop.sln -m:6 --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0 total=0
count() { grep -oE " $1=\"[0-9]+\"" "$2" | head -n1 | grep -oE '[0-9]+' || echo 0; }
shopt -s nullglob
for trx in "$results"/*.trx; do
  total=$((total + $(count total "$trx")))
  passed=$((passed + $(count passed "$trx")))
  failed=$((failed + $(count failed "$trx")))
  # The trx counters leave skipped tests out (notExecuted stays 0), so count the skipped results themselves.
  skipped=$((skipped + $(grep -oE '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)))
done

echo
if [ -n "$browser_note" ]; then
  echo "$browser_note"
fi
if [ -n "$services_note" ]; then
  echo "$services_note"
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then
  echo "No test ran: treating this as a failure." >&2
  exit 1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi
exit "$status"
