#!/usr/bin/env bash
# The instance operator's commands (ADR 0029), over the operator REST endpoints of a running LabelLedger.
#   scripts/operator.sh projections                 # each projection and the state of its last rebuild
#   scripts/operator.sh rebuild DATA_MANAGER        # rebuild into shadow tables and swap (DATA_MANAGER, DIRECTORY, AUDIT_LOG)
# The token: LABELLEDGER_OPERATOR_TOKEN, else the file run.sh created ($LABELLEDGER_DATA_DIR/operator.token, 0600).
# The server: LABELLEDGER_URL (default http://localhost:${PORT:-8080}).
set -euo pipefail
url="${LABELLEDGER_URL:-http://localhost:${PORT:-8080}}"
token="${LABELLEDGER_OPERATOR_TOKEN:-}"
if [ -z "$token" ]; then
  file="${LABELLEDGER_OPERATOR_TOKEN_FILE:-${LABELLEDGER_DATA_DIR:-$HOME/.labelledger}/operator.token}"
  [ -r "$file" ] || { echo "no operator token: set LABELLEDGER_OPERATOR_TOKEN or create $file" >&2; exit 2; }
  token="$(cat "$file")"
fi
call() { curl -sS --fail-with-body -X "$1" -H "Authorization: Bearer $token" "$url$2"; echo; }
case "${1:-}" in
  projections) call GET /api/operator/projections ;;
  rebuild) [ -n "${2:-}" ] || { echo "usage: $0 rebuild DATA_MANAGER|DIRECTORY|AUDIT_LOG" >&2; exit 2; }
           call POST "/api/operator/projections/$2/rebuild" ;;
  *) echo "usage: $0 projections | rebuild DATA_MANAGER|DIRECTORY|AUDIT_LOG" >&2; exit 2 ;;
esac
