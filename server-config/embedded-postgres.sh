#!/usr/bin/env bash
# Starts or stops the embedded PostgreSQL (real PostgreSQL 17 binaries from Maven Central).
#
#   embedded-postgres.sh start|stop|status
#
# Environment: ICR_PG_PORT (default 28432), ICR_PG_DATA (default <repo>/.openicr/pgdata). Every
# connection authenticates with scram-sha-256. The passwords come from the environment when set, or
# are generated once into the state directory (the folder above the data, .openicr/ for the demo),
# mode 0600:
#   ICR_PG_SUPERUSER_PASSWORD   superuser postgres            (postgres-superuser.password)
#   OPENICR_DB_OWNER_USER/_PASSWORD  owner role, migrations   (openicr / db-owner.password)
#   OPENICR_DB_USER/_PASSWORD        application role         (openicr_app / db-app.password)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
jar="$repo/tools/embedded-postgres/target/embedded-postgres.jar"
port="${ICR_PG_PORT:-28432}"
data="${ICR_PG_DATA:-$repo/.openicr/pgdata}"
state="$(dirname "$data")"
pidfile="$state/embedded-postgres-$port.pid"
log="$state/embedded-postgres-$port.log"
# shellcheck source=secrets.sh
. "$here/secrets.sh"

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start() {
  if running; then
    echo "Embedded PostgreSQL already runs on port $port."
    return 0
  fi
  if [ ! -f "$jar" ]; then
    echo "Missing $jar: build first (mvn package)." >&2
    exit 1
  fi
  mkdir -p "$state"
  export ICR_PG_SUPERUSER_PASSWORD="${ICR_PG_SUPERUSER_PASSWORD:-$(icr_secret "$state/postgres-superuser.password")}"
  export OPENICR_DB_OWNER_USER="${OPENICR_DB_OWNER_USER:-openicr}"
  export OPENICR_DB_OWNER_PASSWORD="${OPENICR_DB_OWNER_PASSWORD:-$(icr_secret "$state/db-owner.password")}"
  export OPENICR_DB_USER="${OPENICR_DB_USER:-openicr_app}"
  export OPENICR_DB_PASSWORD="${OPENICR_DB_PASSWORD:-$(icr_secret "$state/db-app.password")}"
  # glibc gives freed memory back to the kernel once 128 KB is free at the top of the heap. A
  # PostgreSQL backend crosses that line in nearly every transaction here, so each ingested message
  # cost a brk() up and a brk() down, page faults and TLB flushes (measured: 15 % of PostgreSQL's
  # CPU). The PostgreSQL processes inherit these settings: keep up to 64 MB, map only blocks over
  # 8 MB (docs/decision-log.md, "glibc's heap trimming in the PostgreSQL backends").
  export MALLOC_TRIM_THRESHOLD_=67108864 MALLOC_MMAP_THRESHOLD_=8388608
  nohup java -jar "$jar" --port "$port" --data "$data" \
    --database openicr \
    >"$log" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if grep -q "PostgreSQL ready" "$log" 2>/dev/null; then
      echo "Embedded PostgreSQL ready on port $port (data in $data)."
      return 0
    fi
    if ! running; then
      echo "Embedded PostgreSQL failed to start; see $log:" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "Embedded PostgreSQL did not start within 60 s; see $log" >&2
  exit 1
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    rm -f "$pidfile"
    echo "Embedded PostgreSQL on port $port stopped."
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running"; else echo "stopped"; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
