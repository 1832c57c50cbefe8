#!/usr/bin/env bash
# The ingestion benchmarks of docs/benchmarks.md, one after the other, against a RUNNING domain:
#
#   ICR_PORTBASE=30000 ICR_PG_PORT=30432 tools/load-driver/bench.sh
#
#   1. single: one item per SubmitItems message, closed loop (throughput in messages/s)
#   2. open:   one item per message offered at RATE messages/s (p95 acknowledgement time)
#   3. batch:  50 items per message, closed loop (throughput in items/s)
# Each is preceded by a warm-up. The open loop follows the single-item phase, whose workload it
# shares: right after the batch phase the server needs about a minute to absorb it (autovacuum of
# the rows just inserted, the JIT recompiling for single items), with room for only 420-480
# single-item messages/s meanwhile (docs/benchmarks.md, "Results, session 6").
# Results: one JSON line each in tools/load-driver/target/bench-<time>/results.jsonl, full reports
# beside it. Environment: DURATION (60, s), WARMUP (15, s), CLIENTS (16), RATE (500), PEOPLE (200);
# STACKS=1 samples the server's request threads halfway through 1 and 3 (stack-sample.sh: each
# jcmd costs CPU, so keep it off for the figures you publish); ICR_DB_CHECK=1 verifies every
# acknowledged message in PostgreSQL afterwards and prints the database size (needs ICR_PG_PORT).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
portbase="${ICR_PORTBASE:?set ICR_PORTBASE to the port base of the domain to measure (e.g. 30000)}"
duration="${DURATION:-60}"
warmup="${WARMUP:-15}"
clients="${CLIENTS:-16}"
rate="${RATE:-500}"
people="${PEOPLE:-200}"
url="http://127.0.0.1:$((portbase + 80))/openicr/ws/ingestion"
jar="$here/target/load-driver.jar"
out="$here/target/bench-$(date +%Y%m%d-%H%M%S)"
domains="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}/${ICR_DOMAIN:-openicr}"
pg_data="${ICR_PG_DATA:-$repo/.openicr/pgdata}"
[ -f "$jar" ] || { echo "Missing $jar: build first (mvn -B -q package)." >&2; exit 2; }
mkdir -p "$out"

common=(--url "$url" --people "$people" --skip-setup --result "$out/results.jsonl" --ack-log "$out/acks.tsv"
  --cpu "payara=ASMain.*-domaindir $domains( |\$)" --cpu "postgres=postgres -D $pg_data")

sample_halfway() {
  [ "${STACKS:-0}" = "1" ] || return 0
  local delay=$((warmup + duration / 2 - 5))
  (sleep $((delay > 1 ? delay : 1)) && ICR_PORTBASE="$portbase" "$here/stack-sample.sh" 5 1 >"$1" 2>&1) &
}

echo "Results in $out"
# The people first (one message of load after them; its figures are not kept).
java -jar "$jar" run --url "$url" --people "$people" --scenario single --clients 8 --count 1 \
  --ack-log "$out/acks.tsv" >"$out/setup.txt" 2>&1
grep '^Setup' "$out/setup.txt"
echo "1/3 single, closed loop, $clients clients, ${duration}s"
sample_halfway "$out/single-stacks.txt"
java -jar "$jar" run "${common[@]}" --scenario single --clients "$clients" --warmup "${warmup}s" \
  --duration "${duration}s" --top --label "single closed $clients" >"$out/single.txt" 2>&1
wait
# The open loop's warm-up climbs to the rate over its first half and leads straight into the
# measured part (at least 30 s of it, so the climb is gentle enough for a cold start).
open_warmup=$((warmup > 30 ? warmup : 30))
echo "2/3 single, open loop at $rate messages/s, ${duration}s after ${open_warmup}s of warm-up"
java -jar "$jar" run "${common[@]}" --scenario single --rate "$rate" --clients 64 \
  --warmup "${open_warmup}s" --duration "${duration}s" --drain 10s --label "single open $rate/s" >"$out/open.txt" 2>&1

echo "3/3 batch of 50, closed loop, 8 clients, ${duration}s"
sample_halfway "$out/batch-stacks.txt"
java -jar "$jar" run "${common[@]}" --scenario batch --clients 8 --warmup "${warmup}s" \
  --duration "${duration}s" --top --label "batch closed 8" >"$out/batch.txt" 2>&1
wait
for f in single open batch; do
  sed -n '/^measured:/,/^RESULT/p' "$out/$f.txt" | grep -v '^RESULT'
  grep 'acknowledgements over' "$out/$f.txt" || true
  [ -f "$out/$f-stacks.txt" ] && sed 's/^/  /' "$out/$f-stacks.txt"
done
if [ "${ICR_DB_CHECK:-0}" = "1" ]; then
  java -jar "$jar" verify --ack-log "$out/acks.tsv" --db-url "jdbc:postgresql://localhost:${ICR_PG_PORT:?}/openicr" \
    --db-user "${OPENICR_DB_USER:-openicr}" --db-password "${OPENICR_DB_PASSWORD:-$(cat "$repo/.openicr/db-owner.password")}"
fi
