#!/usr/bin/env bash
# Platform smoke test: './clearance up' as a user runs it, a real token, one API call, then
# './clearance down' must leave no process of the platform behind. Uses its own ports and
# data directory, so it runs beside a developer's own 'up'. Every port lies below Linux's
# ephemeral range (32768+), so no outgoing connection can be holding it when a service binds.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CLEARANCE_HOME=$ROOT/.clearance/smoke
export CLEARANCE_HTTP_PORT=18080 CLEARANCE_ENGINE_HTTP_PORT=18081 CLEARANCE_ENGINE_GRPC_PORT=16500
export CLEARANCE_KEYCLOAK_PORT=18180 CLEARANCE_DB_PORT=15434
KEYCLOAK=http://localhost:$CLEARANCE_KEYCLOAK_PORT
API=http://localhost:$CLEARANCE_HTTP_PORT
passed=0
failed=0
# A zombie (exited, not yet reaped by the sandbox's init) is not a running process.
alive() {
  local state
  state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
check() { # description, command...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "smoke: ok   - $what"
  else
    failed=$((failed + 1))
    echo "smoke: FAIL - $what"
  fi
}

rm -rf "$CLEARANCE_HOME"
mkdir -p "$CLEARANCE_HOME"
"$ROOT/clearance" up >"$CLEARANCE_HOME/up.log" 2>&1 &
up_pid=$!

ready() {
  local deadline=$((SECONDS + 420))
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$up_pid" 2>/dev/null || return 1
    grep -q "Clearance is up" "$CLEARANCE_HOME/up.log" && return 0
    sleep 2
  done
  return 1
}
if ! ready; then
  echo "smoke: './clearance up' did not report the platform up; its output:"
  tail -n 40 "$CLEARANCE_HOME/up.log"
fi
check "'./clearance up' reports every service healthy" grep -q "Clearance is up" "$CLEARANCE_HOME/up.log"

started_pids=()
for file in "$CLEARANCE_HOME"/run/*.pid; do
  [ -f "$file" ] && started_pids+=("$(cat "$file")")
  [ -f "$file" ] && echo "smoke: $(basename "$file" .pid) runs as pid $(cat "$file")"
done
[ -f "$CLEARANCE_HOME/pg/postmaster.pid" ] && started_pids+=("$(head -n 1 "$CLEARANCE_HOME/pg/postmaster.pid")")
check "the launcher recorded its processes (${#started_pids[@]})" test "${#started_pids[@]}" -ge 5

token=$(curl -fsS --max-time 20 "$KEYCLOAK/realms/clearance/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=clearance-api -d client_secret=clearance-api-dev-secret \
  -d username=alice -d password=demo | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
check "Keycloak issues a token for the demo applicant" test -n "$token"
me=$(curl -fsS --max-time 20 -H "Authorization: Bearer $token" "$API/api/me")
# shellcheck disable=SC2016 # $0 is expanded by the inner bash, on purpose
check "/api/me answers with the applicant and her organisation" \
  bash -c '[[ $0 == *"\"username\":\"alice\""* && $0 == *"\"organisation\":\"acme-ai\""* && $0 == *"\"applicant\""* ]]' "$me"
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$API/api/me")
check "/api/me without a token answers 401" test "$status" = 401
page=$(curl -fsS --max-time 20 "$API/cases/some-deep-link")
# shellcheck disable=SC2016 # $0 is expanded by the inner bash, on purpose
check "a deep link of the web UI answers its index.html" bash -c '[[ $0 == *"<div id=\"root\">"* ]]' "$page"

# The web UI end to end: Chromium on the real login page, API and engine (ui/e2e, ui/README.md).
# CLEARANCE_SKIP_E2E=true leaves it out (for example on a machine without Chromium).
if [ "${CLEARANCE_SKIP_E2E:-false}" != true ]; then
  check "the web UI's end-to-end journeys pass in Chromium" \
    env CLEARANCE_E2E_BASE_URL="$API" CLEARANCE_E2E_KEYCLOAK_URL="$KEYCLOAK" \
    node "$ROOT/ui/e2e/run.mjs"
fi

"$ROOT/clearance" down >>"$CLEARANCE_HOME/up.log" 2>&1
check "'./clearance down' succeeds" test $? -eq 0
for _ in $(seq 1 30); do alive "$up_pid" || break; sleep 1; done
# shellcheck disable=SC2016 # $0 is expanded by the inner bash, on purpose
check "the foreground 'up' has ended" bash -c '! [ -d /proc/$0 ] || grep -q "^[0-9]* (.*) Z" /proc/$0/stat' "$up_pid"
left=()
for pid in "${started_pids[@]}"; do
  alive "$pid" && left+=("$pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120)")
done
check "no process that 'up' started is left running (left: ${left[*]:-none})" test ${#left[@]} -eq 0
free_ports=yes
for port in 18080 18081 16500 18180 15434; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && free_ports=no
done
check "every port of the platform is free again" test $free_ports = yes

if [ $failed -gt 0 ]; then
  echo "smoke: launcher output:"
  tail -n 40 "$CLEARANCE_HOME/up.log"
fi
echo "smoke: $passed passed, $failed failed"
[ $failed -eq 0 ]
