#!/usr/bin/env bash
# Where the server's request threads spend their time, by sampling thread dumps of the Payara JVM
# while a load runs (a poor man's profiler: jcmd Thread.print every INTERVAL seconds).
#
#   ICR_PORTBASE=30000 tools/load-driver/stack-sample.sh [SAMPLES=10] [INTERVAL=1]
#
# Each HTTP worker thread that is serving a request is counted once per sample under the first
# of: password check (PBKDF2), waiting for PostgreSQL (JDBC), SOAP/XML (Metro, JAXB, StAX),
# JPA (EclipseLink), other. Run it during a load run; it only reads, it changes nothing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# shellcheck source=payara-pid.sh
source "$here/payara-pid.sh"

portbase="${ICR_PORTBASE:?set ICR_PORTBASE, the port base of the domain to sample (e.g. 30000)}"
samples="${1:-10}"
interval="${2:-1}"
domain_dir="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}/${ICR_DOMAIN:-openicr}"
pid="$(payara_pid "$domain_dir" $((portbase + 80)))"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for i in $(seq 1 "$samples"); do
  jcmd "$pid" Thread.print >"$out/$i.txt" 2>/dev/null || true
  sleep "$interval"
done

echo "busy request threads per sample: $(for f in $(ls "$out" | sort -n); do
  awk 'BEGIN { RS = "" } /^"http-thread-pool/ && /CoyoteAdapter/ { n++ } END { printf "%d", n }' "$out/$f"; echo -n " "; done)"
cat "$out"/*.txt | awk '
  BEGIN { RS = "" }
  /^"http-thread-pool/ && /CoyoteAdapter/ {
    busy++
    if (/PBKDF2KeyImpl/) c["password check (PBKDF2 of HTTP Basic)"]++
    else if (/org\.postgresql\./) c["waiting for PostgreSQL (JDBC)"]++
    else if (/com\.sun\.xml\.ws\.|com\.sun\.xml\.bind\.|org\.glassfish\.jaxb\.|com\.ctc\.wstx\.|xerces/) c["SOAP/XML (Metro, JAXB, StAX, schema validation)"]++
    else if (/org\.eclipse\.persistence\./) c["JPA (EclipseLink) in Java"]++
    else c["other (container, filters, application)"]++
  }
  END {
    printf "busy request threads seen in '"$samples"' samples: %d (avg %.1f per sample)\n", busy, busy / '"$samples"'
    for (k in c) printf "  %5.1f%%  %s\n", 100 * c[k] / busy, k
  }' | sort -r
