#!/usr/bin/env bash
# Runs every test: Java unit, integration (real PostgreSQL and Redis), UI unit tests (Vitest) and the browser
# end-to-end test (Playwright + Debian Chromium). Installs what a fresh Debian machine lacks.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
ensure_java
ensure_maven
ensure_node
ensure_chromium
use_local_servers_for_tests
exec mvn -B -ntp verify "$@"
