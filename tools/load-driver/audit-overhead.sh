#!/usr/bin/env bash
# The audit overhead benchmark (issue 6), run by the benchmark suite (tools/load-driver/suite.sh)
# or alone against a running server: what the audit costs the record page, measured inside the
# server (AuditCost, /privacy/audit-cost) while AuditOverhead opens record pages.
#
#   APP_URL=http://127.0.0.1:28080/openicr/ DB_URL=jdbc:postgresql://localhost:28432/openicr \
#     DB_USER=openicr DB_PASSWORD="$(cat .openicr/db-owner.password)" tools/load-driver/audit-overhead.sh
#
# The suite also sets ICR_CLINICIAN (user:password) and ICR_PEOPLE (person ids): the record page
# benchmark's reader and people. ICR_PRIVACY_OFFICER (privacy.shaw of the demo by default) reads the
# server's figures. AUDIT_REQUESTS pages are measured (500). Prints a `ROW ...` line for the suite.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/load-driver.jar"
if [ ! -f "$jar" ]; then
  echo "Building the load driver..."
  (cd "$here/../.." && mvn -B -q install -DskipTests -pl tools/load-driver -am)
fi
export OPENICR_DB_URL="${DB_URL:-${OPENICR_DB_URL:-jdbc:postgresql://localhost:28432/openicr}}"
export OPENICR_DB_USER="${DB_USER:-${OPENICR_DB_USER:-openicr}}"
export OPENICR_DB_PASSWORD="${DB_PASSWORD:-${OPENICR_DB_PASSWORD:-$(cat "$(dirname "$0")/../../.openicr/db-owner.password")}}"
exec java -cp "$jar:$here/target/lib/*" org.openicr.tools.load.AuditOverhead \
  "${APP_URL:-http://127.0.0.1:28080/openicr/}" "${AUDIT_REQUESTS:-500}"
