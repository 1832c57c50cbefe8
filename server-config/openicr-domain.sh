#!/usr/bin/env bash
# Creates, configures, starts, stops and deploys to an OpenICR Payara Server domain.
#
#   openicr-domain.sh create|start|stop|deploy EAR|status
#
# Environment (all have defaults for the demo):
#   ICR_DOMAINS_DIR  where domains live          (default: <repo>/.openicr/domains)
#   ICR_DOMAIN       domain name                 (default: openicr)
#   ICR_PORTBASE     Payara port base            (default: 28000: http 28080, admin 28048)
#   OPENICR_DB_URL, OPENICR_DB_USER, OPENICR_DB_PASSWORD: read by the EAR's datasource; they must
#   be in the environment of "start".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
payara_home="$here/target/payara/payara6"
asadmin="$payara_home/bin/asadmin"
domains="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}"
domain="${ICR_DOMAIN:-openicr}"
portbase="${ICR_PORTBASE:-28000}"
admin_port=$((portbase + 48))
http_port=$((portbase + 80))

export AS_JAVA="${AS_JAVA:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"

need_payara() {
  if [ ! -x "$asadmin" ]; then
    echo "Payara Server is not unpacked at $payara_home; run 'mvn -pl server-config generate-resources' (./icr run does it)." >&2
    exit 1
  fi
}

running() {
  "$asadmin" list-domains --domaindir "$domains" 2>/dev/null | grep -q "^$domain running"
}

create() {
  need_payara
  if [ -d "$domains/$domain" ]; then
    return 0
  fi
  echo "Creating Payara domain '$domain' in $domains (port base $portbase: http $http_port, admin $admin_port)"
  mkdir -p "$domains"
  "$asadmin" create-domain --nopassword --portbase "$portbase" --domaindir "$domains" "$domain" >/dev/null
  cp "$here/target/lib/postgresql.jar" "$domains/$domain/lib/"
  "$asadmin" start-domain --domaindir "$domains" "$domain" >/dev/null
  # multimode goes on after a command fails and still exits 0: a failed setting must stop here.
  local settings
  settings="$("$asadmin" --port "$admin_port" multimode --file "$here/domain.asadmin" 2>&1)"
  if grep -qiE "remote failure|command .* failed" <<<"$settings"; then
    echo "$settings" >&2
    echo "A setting in $here/domain.asadmin failed (above); the domain is not usable." >&2
    "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null || true
    rm -rf "${domains:?}/$domain"
    exit 1
  fi
  "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
}

start() {
  need_payara
  create
  if running; then
    echo "Domain '$domain' already runs (http $http_port)."
    return 0
  fi
  : "${OPENICR_DB_URL:?OPENICR_DB_URL must be set for the server}"
  : "${OPENICR_DB_USER:?OPENICR_DB_USER must be set for the server}"
  : "${OPENICR_DB_PASSWORD:?OPENICR_DB_PASSWORD must be set for the server}"
  "$asadmin" start-domain --domaindir "$domains" "$domain" >/dev/null
  echo "Domain '$domain' started (http $http_port, admin $admin_port)."
}

stop() {
  if [ -x "$asadmin" ] && running; then
    "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
    echo "Domain '$domain' stopped."
  fi
}

deploy() {
  local ear="$1"
  "$asadmin" --port "$admin_port" deploy --force=true --name openicr "$ear" >/dev/null
  echo "Deployed $(basename "$ear") to domain '$domain'."
}

case "${1:-}" in
  create) create ;;
  start) start ;;
  stop) stop ;;
  deploy) deploy "${2:?EAR path required}" ;;
  status) if running; then echo "running"; else echo "stopped"; fi ;;
  *) echo "usage: $0 create|start|stop|deploy EAR|status" >&2; exit 2 ;;
esac
