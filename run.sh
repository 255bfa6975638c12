#!/usr/bin/env bash
# Builds LabelLedger and starts it on http://localhost:8080 (PORT=... to change).
# With no LABELLEDGER_DB_URL / LABELLEDGER_REDIS_URL it starts an embedded PostgreSQL (data under
# LABELLEDGER_DATA_DIR, default ~/.labelledger) and a Redis of its own.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
ensure_java
ensure_maven
ensure_node
if [ "${SKIP_BUILD:-}" != 1 ] || ! ls infra/target/infra-*.jar >/dev/null 2>&1; then
  log "building (mvn -DskipTests install)"
  mvn -B -q -ntp -DskipTests install
fi
# SSO signing keys are sealed with a master key that must not live in the database (ADR 0013): keep one beside
# the local data unless LABELLEDGER_SSO_MASTER_KEY is given.
if [ -z "${LABELLEDGER_SSO_MASTER_KEY:-}" ]; then
  key_file="${LABELLEDGER_DATA_DIR:-$HOME/.labelledger}/sso-master.key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")"
    (umask 077 && head -c 32 /dev/urandom | base64 > "$key_file")
  fi
  export LABELLEDGER_SSO_MASTER_KEY="$(cat "$key_file")"
fi
# The instance operator's token (ADR 0029: rebuilds through scripts/operator.sh), made once beside the local data.
if [ -z "${LABELLEDGER_OPERATOR_TOKEN:-}" ]; then
  operator_file="${LABELLEDGER_OPERATOR_TOKEN_FILE:-${LABELLEDGER_DATA_DIR:-$HOME/.labelledger}/operator.token}"
  if [ ! -s "$operator_file" ]; then
    mkdir -p "$(dirname "$operator_file")"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '=+/\n' > "$operator_file")
  fi
  chmod 600 "$operator_file"
  export LABELLEDGER_OPERATOR_TOKEN_FILE="$operator_file"
  log "operator token (scripts/operator.sh): $operator_file"
fi
log "starting on http://localhost:${PORT:-8080}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -jar infra/target/infra-0.1.0-SNAPSHOT.jar "$@"
