#!/usr/bin/env bash
# The kill -9 durability test: nothing the ingestion service acknowledged may be lost when the
# server dies without warning.
#
#   ICR_PORTBASE=30000 ICR_PG_PORT=30432 tools/load-driver/kill9.sh
#
# Against a RUNNING domain of this repository (./icr run with the same ICR_PORTBASE/ICR_PG_PORT):
#   1. starts a load run in the background (it creates its people, then sends SubmitItems and logs
#      every acknowledged messageId with its sourceKeys),
#   2. KILL_AFTER seconds into the load, kills that domain's Payara JVM with kill -9 (only the JVM
#      started with this repository's domain directory AND listening on this port base's HTTP port),
#   3. waits for the driver to finish (its calls fail from then on),
#   4. restarts the domain with server-config/openicr-domain.sh start and waits for the service,
#   5. checks in PostgreSQL that every acknowledged message has its inbox row ACCEPTED and all its
#      items in record_item, and that the restarted server accepts messages again.
# Prints "acknowledged: N, missing after restart: M"; exits 0 only when M is 0 (and N > 0).
#
# DOOR=mllp sends HL7 v2 ADT^A28 over MLLP instead (the listener at ICR_PORTBASE + 75, as the demo
# PAS; no people set up first) and checks that every message acknowledged AA is ACCEPTED.
#
# Optional environment: DOOR (soap|mllp, default soap), SCENARIO (single|batch, default single), CLIENTS (8), DURATION (20, s),
# KILL_AFTER (8, s), PEOPLE (20); OPENICR_DB_URL/USER/PASSWORD (default: the embedded demo
# database on ICR_PG_PORT). Everything stays on this machine (127.0.0.1).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=payara-pid.sh
source "$here/payara-pid.sh"

# The port base is required: a default could point at somebody else's server.
export ICR_PORTBASE="${ICR_PORTBASE:?set ICR_PORTBASE to the port base of the domain to kill (e.g. 30000)}"
if [ -z "${OPENICR_DB_URL:-}" ]; then
  export ICR_PG_PORT="${ICR_PG_PORT:?set ICR_PG_PORT (the embedded PostgreSQL port) or OPENICR_DB_URL}"
  export OPENICR_DB_URL="jdbc:postgresql://localhost:$ICR_PG_PORT/openicr"
fi
# The server's account, the application role (issue 16), with the demo's generated password.
export OPENICR_DB_USER="${OPENICR_DB_USER:-openicr_app}"
export OPENICR_DB_PASSWORD="${OPENICR_DB_PASSWORD:-$(cat "$repo/.openicr/db-app.password")}"

scenario="${SCENARIO:-single}"
clients="${CLIENTS:-8}"
duration="${DURATION:-20}"
kill_after="${KILL_AFTER:-8}"
people="${PEOPLE:-20}"
door="${DOOR:-soap}"
http_port=$((ICR_PORTBASE + 80))
url="http://127.0.0.1:$http_port/openicr/ws/ingestion"
domain_dir="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}/${ICR_DOMAIN:-openicr}"
jar="$here/target/load-driver.jar"
run_id="k9$(date +%s)"
work="$here/target/kill9-$run_id"

if [ "$kill_after" -ge "$duration" ]; then
  echo "KILL_AFTER ($kill_after s) must be shorter than DURATION ($duration s)" >&2
  exit 2
fi
[ -f "$jar" ] || { echo "Missing $jar: build first (mvn -B -q package)." >&2; exit 2; }
mkdir -p "$work"

driver_pid=""
killed=false
restarted=false
cleanup() {
  # Only what this script started: the background driver, by its PID.
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill "$driver_pid" 2>/dev/null || true
  fi
  # Never leave the domain down because the script stopped half-way.
  if $killed && ! $restarted; then
    echo "Restarting the domain that this script killed..." >&2
    "$repo/server-config/openicr-domain.sh" start >&2 || true
  fi
}
trap cleanup EXIT

wait_for_service() {
  local deadline=$((SECONDS + $1)) code
  while [ $SECONDS -lt $deadline ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -m 10 -u sys.riverside-gp:Source-demo-gp-1 "$url?wsdl" || true)"
    [ "$code" = "200" ] && return 0
    sleep 2
  done
  return 1
}

pid="$(payara_pid "$domain_dir" "$http_port")"
wait_for_service 10 || { echo "The service at $url does not answer; start it first (./icr run)." >&2; exit 2; }
echo "kill -9 test, run $run_id: Payara JVM $pid (domain $domain_dir, http $http_port)"
echo "  load: $door $scenario, $clients clients, ${duration}s, kill -9 after ${kill_after}s of load; output in $work"

case "$door" in
  soap)
    target=(--url "$url" --people "$people" --scenario "$scenario")
    verify_user=sys.riverside-gp ;;
  mllp)
    target=(--mllp "$((ICR_PORTBASE + 75))")
    verify_user=sys.avonvale-pas
    scenario="mllp A28" ;;
  *) echo "DOOR is soap or mllp" >&2; exit 2 ;;
esac
java -jar "$jar" run "${target[@]}" --clients "$clients" \
  --duration "${duration}s" --timeout 10s --run-id "$run_id" --ack-log "$work/acks.tsv" \
  --label "kill9 $scenario" >"$work/driver.log" 2>&1 &
driver_pid=$!

# The people are created first; the kill is timed from the start of the item load.
deadline=$((SECONDS + 120))
until grep -q '^Setup: ' "$work/driver.log" 2>/dev/null; do
  if ! kill -0 "$driver_pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "The driver did not get through its setup; see $work/driver.log:" >&2
    tail -20 "$work/driver.log" >&2
    exit 1
  fi
  sleep 0.5
done
sleep "$kill_after"

# Re-check right before the kill: still the same JVM of this domain on this port.
if [ "$(payara_pid "$domain_dir" "$http_port")" != "$pid" ]; then
  echo "The domain's JVM changed during the test; not killing anything." >&2
  exit 1
fi
kill -9 "$pid"
killed=true
echo "  $(date +%T) kill -9 $pid"
for _ in $(seq 1 40); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.25
done

# The driver stops by itself at the end of its duration (failed calls back off 0.2 s each).
deadline=$((SECONDS + duration + 60))
while kill -0 "$driver_pid" 2>/dev/null; do
  if [ $SECONDS -ge $deadline ]; then
    echo "The driver did not finish in time; stopping it." >&2
    kill "$driver_pid" 2>/dev/null || true
    break
  fi
  sleep 1
done
wait "$driver_pid" 2>/dev/null || true
driver_pid=""
sed -n '/^measured:/,/ack latency/p' "$work/driver.log" | sed 's/^/  /'

echo "  $(date +%T) restarting the domain"
"$repo/server-config/openicr-domain.sh" start | sed 's/^/  /'
restarted=true
wait_for_service 240 || { echo "The service did not come back within 240 s." >&2; exit 1; }
echo "  $(date +%T) service answers again (new JVM $(payara_pid "$domain_dir" "$http_port"))"

set +e
java -jar "$jar" verify --ack-log "$work/acks.tsv" --run-id "$run_id" --db-url "$OPENICR_DB_URL" \
  --db-user "$OPENICR_DB_USER" --db-password "$OPENICR_DB_PASSWORD" --user "$verify_user" >"$work/verify.log" 2>&1
verify_status=$?
# The restarted server must take messages again (five single-item messages, people exist).
if [ "$door" = mllp ]; then
  after_target=(--mllp "$((ICR_PORTBASE + 75))")
else
  after_target=(--url "$url" --people "$people" --skip-setup --scenario single)
fi
java -jar "$jar" run "${after_target[@]}" --clients 1 \
  --count 5 --run-id "${run_id}after" --ack-log "$work/acks-after-restart.tsv" >"$work/after-restart.log" 2>&1
set -e
sed 's/^/  /' "$work/verify.log"
after="$(grep -o 'acknowledged (HTTP 200 + ack) *[0-9]*' "$work/after-restart.log" | grep -o '[0-9]*$' || echo 0)"
echo "  after the restart: $after of 5 new messages acknowledged"

acknowledged="$(sed -n 's/^acknowledged: \([0-9]*\), missing: \([0-9]*\).*/\1/p' "$work/verify.log")"
missing="$(sed -n 's/^acknowledged: \([0-9]*\), missing: \([0-9]*\).*/\2/p' "$work/verify.log")"
if [ -z "$acknowledged" ] || [ -z "$missing" ]; then
  echo "The verification did not complete; see $work/verify.log" >&2
  exit 1
fi
echo "acknowledged: $acknowledged, missing after restart: $missing"
if [ "$verify_status" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$acknowledged" -gt 0 ] && [ "$after" -eq 5 ]; then
  exit 0
fi
exit 1
