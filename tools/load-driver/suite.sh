#!/usr/bin/env bash
# The benchmark suite (docs/benchmarks.md): every benchmark of the ingestion, record viewer and
# region issues against a RUNNING server and its database, a table printed and written into
# docs/benchmarks.md (the generated section). Examples:
#
#   ICR_PORTBASE=30000 ICR_PG_PORT=30432 tools/load-driver/suite.sh              # a ./icr run demo
#   ICR_PORTBASE=30000 OPENICR_DB_URL=jdbc:postgresql://localhost:36432/openicr \
#     ICR_PG_DATA=/work/bench-1m/pgdata tools/load-driver/suite.sh --targets-file /path/to/people.txt
#
# Environment: ICR_PORTBASE (28000; http = +80), ICR_PG_PORT (28432) or OPENICR_DB_URL,
# OPENICR_DB_USER (openicr), OPENICR_DB_PASSWORD (.openicr/db-owner.password), ICR_DOMAINS_DIR / ICR_DOMAIN and
# ICR_PG_DATA (for the CPU figures: the Payara JVM and the postmaster are found by their command
# lines). Any option of `java -jar target/load-driver.jar suite --help` may follow and wins over
# these defaults (e.g. --rate 50 --duration 60s --targets 5 --skip-ingestion --no-docs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
portbase="${ICR_PORTBASE:-28000}"
db_url="${OPENICR_DB_URL:-jdbc:postgresql://localhost:${ICR_PG_PORT:-28432}/openicr}"
domains="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}/${ICR_DOMAIN:-openicr}"
pg_data="${ICR_PG_DATA:-$repo/.openicr/pgdata}"
jar="$here/target/load-driver.jar"
if [ ! -f "$jar" ]; then
  echo "Building the load driver..."
  (cd "$repo" && mvn -B -q install -DskipTests -pl tools/load-driver -am)
fi
cd "$here"
exec java -jar "$jar" suite \
  --app "http://127.0.0.1:$((portbase + 80))/openicr/" \
  --db-url "$db_url" --db-user "${OPENICR_DB_USER:-openicr}" --db-password "${OPENICR_DB_PASSWORD:-$(cat "$repo/.openicr/db-owner.password")}" \
  --cpu "payara=ASMain.*-domaindir $domains( |\$)" --cpu "postgres=postgres -D $pg_data" \
  --docs "$repo/docs/benchmarks.md" "$@"
