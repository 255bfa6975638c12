# Sourced by run.sh and test.sh: finds or installs what the build needs on a Debian/Ubuntu machine.
# Installs only what is missing (apt-get as root, else sudo). Never downloads toolchains from elsewhere.

log() { printf '[labelledger] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || { log "apt-get not found: install $* by hand"; return 1; }
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >/dev/null || true; APT_UPDATED=1; fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# Java 25: JAVA_HOME if it is 25+, else a JDK 25 under /usr/lib/jvm (Temurin or OpenJDK), else Debian's package.
ensure_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  for dir in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/*25*; do
    if [ -x "$dir/bin/javac" ]; then export JAVA_HOME="$dir"; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
  done
  apt_install openjdk-25-jdk-headless || true
  for dir in /usr/lib/jvm/java-25*; do
    if [ -x "$dir/bin/javac" ]; then export JAVA_HOME="$dir"; export PATH="$JAVA_HOME/bin:$PATH"; return 0; fi
  done
  log "Java 25 is required: install a JDK 25 (e.g. Temurin 25) and set JAVA_HOME"; exit 1
}

ensure_maven() { command -v mvn >/dev/null || apt_install maven; }

# Node.js 20+ and npm build the UI (Vite).
ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then apt_install nodejs npm; fi
}

# Debian's Chromium for the browser test (Playwright drives it; no browser download).
ensure_chromium() {
  [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium
}

# PostgreSQL and Redis for the tests: local servers when they run or can be started; otherwise the tests start
# embedded ones themselves (zonky PostgreSQL, Redis).
use_local_servers_for_tests() {
  if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432 && command -v pg_ctlcluster >/dev/null \
     && [ -d /etc/postgresql ]; then
    log "starting the local PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 \
     && psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    export LABELLEDGER_TEST_DB_URL="${LABELLEDGER_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"
  fi
  if command -v redis-cli >/dev/null && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && command -v redis-server >/dev/null; then
    log "starting a local Redis"
    mkdir -p /tmp/labelledger-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/labelledger-redis \
      --logfile /tmp/labelledger-redis/redis.log || true
    sleep 1
  fi
  if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    export LABELLEDGER_TEST_REDIS_URL="${LABELLEDGER_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
  fi
  log "tests use PostgreSQL: ${LABELLEDGER_TEST_DB_URL:-embedded}, Redis: ${LABELLEDGER_TEST_REDIS_URL:-embedded}"
}
