#!/usr/bin/env bash
# Creates, configures, starts, stops and deploys to an OpenICR Payara Server domain.
#
#   openicr-domain.sh create|start|stop|deploy EAR|WAR|status|delete
#
# delete stops the domain and removes it (its configuration, logs and deployed application; never
# the database): the next start makes it anew from domain.asadmin (./icr reset-domain).
#
# Environment (all have defaults for the demo):
#   ICR_DOMAINS_DIR  where domains live          (default: <repo>/.openicr/domains)
#   ICR_DOMAIN       domain name                 (default: openicr)
#   ICR_PORTBASE     Payara port base            (default: 28000: http 28080, admin 28048)
#   ICR_LISTEN_ADDRESS  address of the HTTP, HTTPS and admin listeners (default: 127.0.0.1, this
#                    machine only; 0.0.0.0 opens them to the network: enable secure admin first,
#                    docs/operations.md). IIOP, JMX and the data grid stay on 127.0.0.1, JMS is off.
#   ICR_ADMIN_PASSWORD  the Payara admin user's password (default: generated once into
#                    <state>/payara-admin.password, mode 0600; <state> is the folder above the domains
#                    folder, .openicr/ for the demo)
#   OPENICR_DB_URL, OPENICR_DB_USER, OPENICR_DB_PASSWORD: read by the EAR's datasource; they must
#   be in the environment of "start".
#   OPENICR_MLLP_PORT   HL7 v2 over MLLP (docs/interface-guide.md): the listener's port (default:
#                    port base + 75, e.g. 28075; set it empty to turn the listener off)
#   OPENICR_MLLP_BIND   the listener's address (default 127.0.0.1, this machine only)
#   OPENICR_MLLP_SENDERS  who may send over MLLP: MSH-3^MSH-4=source-code@address[,address];...
#                    (default: the demo PAS, PAS^RX901=avonvale-pas@127.0.0.1,::1)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
payara_home="$here/target/payara/payara6"
asadmin="$payara_home/bin/asadmin"
domains="${ICR_DOMAINS_DIR:-$repo/.openicr/domains}"
domain="${ICR_DOMAIN:-openicr}"
portbase="${ICR_PORTBASE:-28000}"
admin_port=$((portbase + 48))
# HL7 v2 over MLLP: on in the demo and the tests, on this machine only, unless set otherwise.
export OPENICR_MLLP_PORT="${OPENICR_MLLP_PORT-$((portbase + 75))}"
export OPENICR_MLLP_SENDERS="${OPENICR_MLLP_SENDERS-PAS^RX901=avonvale-pas@127.0.0.1,::1}"
http_port=$((portbase + 80))
listen="${ICR_LISTEN_ADDRESS:-127.0.0.1}"
state="$(dirname "$domains")"
# shellcheck source=secrets.sh
. "$here/secrets.sh"
admin_password_file="$state/payara-admin.password"
# asadmin reads the password from a file of its own format (never from the command line).
asadmin_passwords="$state/payara-admin.asadmin"

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

admin_password() {
  if [ -n "${ICR_ADMIN_PASSWORD:-}" ]; then
    printf '%s' "$ICR_ADMIN_PASSWORD"
  else
    icr_secret "$admin_password_file"
  fi
}

# asadmin against this domain's admin listener, as the admin user with its password.
remote() {
  mkdir -p "$state"
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$(admin_password)" >"$asadmin_passwords")
  "$asadmin" --host 127.0.0.1 --port "$admin_port" --user admin --passwordfile "$asadmin_passwords" "$@"
}

# The settings a domain was made with: the commands below, domain.asadmin, the listen address and
# the admin password. A domain made with other settings (an older OpenICR's open admin included) is
# made again, so that no setting is left behind.
fingerprint() {
  {
    echo "settings-version 2 (issue 16: local listeners, admin password)"
    echo "listen $listen"
    # create-domain fixes the ports: a domain made at another port base (a worktree whose install
    # made it at the default) would start on its old ports while this script names the new ones.
    echo "portbase $portbase"
    admin_password | sha256sum
    cat "$here/domain.asadmin"
  } | sha256sum | cut -d' ' -f1
}

# Listeners: HTTP, HTTPS and admin on the listen address; what no client of OpenICR needs stays on
# this machine (IIOP, JMX) or off (JMS); the data grid (Hazelcast) binds to the loopback only.
listener_settings() {
  local listeners=configs.config.server-config.network-config.network-listeners.network-listener
  local iiop=configs.config.server-config.iiop-service.iiop-listener
  cat <<SETTINGS
set $listeners.http-listener-1.address=$listen
set $listeners.http-listener-2.address=$listen
set $listeners.admin-listener.address=$listen
set $iiop.orb-listener-1.address=127.0.0.1
set $iiop.SSL.address=127.0.0.1
set $iiop.SSL_MUTUALAUTH.address=127.0.0.1
set configs.config.server-config.admin-service.jmx-connector.system.address=127.0.0.1
set configs.config.server-config.jms-service.type=DISABLED
set-hazelcast-configuration --interfaces=127.0.0.1
create-jvm-options -Dhazelcast.socket.bind.any=false
SETTINGS
}

create() {
  need_payara
  local wanted
  wanted="$(fingerprint)"
  if [ -d "$domains/$domain" ]; then
    if [ "$(cat "$domains/$domain/config/openicr-settings" 2>/dev/null)" = "$wanted" ]; then
      return 0
    fi
    echo "Domain '$domain' was made with other settings (listeners, admin password or domain.asadmin): making it again."
    if running; then
      "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null || true
    fi
    rm -rf "${domains:?}/$domain"
  fi
  echo "Creating Payara domain '$domain' in $domains (port base $portbase: http $http_port, admin $admin_port, on $listen)"
  mkdir -p "$domains"
  (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$(admin_password)" >"$state/payara-admin.create")
  "$asadmin" --user admin --passwordfile "$state/payara-admin.create" create-domain --portbase "$portbase" \
    --domaindir "$domains" "$domain" >/dev/null
  rm -f "$state/payara-admin.create"
  cp "$here/target/lib/postgresql.jar" "$domains/$domain/lib/"
  mkdir -p "$domains/$domain/tmp"
  "$asadmin" start-domain --domaindir "$domains" "$domain" >/dev/null
  # multimode goes on after a command fails and still exits 0: a failed setting must stop here.
  local settings
  { cat "$here/domain.asadmin"; listener_settings; } >"$state/domain-settings.asadmin"
  settings="$(remote multimode --file "$state/domain-settings.asadmin" 2>&1)"
  if grep -qiE "remote failure|command .* failed|invalid command" <<<"$settings"; then
    echo "$settings" >&2
    echo "A setting in $here/domain.asadmin or of the listeners failed (above); the domain is not usable." >&2
    "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null || true
    rm -rf "${domains:?}/$domain"
    exit 1
  fi
  "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
  echo "$wanted" >"$domains/$domain/config/openicr-settings"
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
  local log="$domains/$domain/logs/server.log" seen=0
  [ -f "$log" ] && seen="$(wc -l <"$log")"
  mkdir -p "$domains/$domain/tmp"
  "$asadmin" start-domain --domaindir "$domains" "$domain" >/dev/null
  # An application deployed before is loaded again after start-domain has returned; a deploy while
  # it loads removes its files from under it and both fail (measured: a second ./icr run failed
  # with NoClassDefFoundError or "zero ejb"). Wait for that load to end, one way or the other.
  if grep -q '<application [^>]*name="openicr"' "$domains/$domain/config/domain.xml" 2>/dev/null; then
    local waited=0
    until awk -v from="$((seen + 1))" 'NR >= from && /Loading application \[openicr#web\.war\]|deploying the app \[openicr\]|Application deployment failed/ { found = 1 }
        END { exit !found }' "$log" 2>/dev/null; do
      if [ "$waited" -ge 180 ]; then
        echo "The application deployed before did not finish loading in 180 s; going on." >&2
        break
      fi
      sleep 1
      waited=$((waited + 1))
    done
  fi
  echo "Domain '$domain' started (http $http_port, admin $admin_port, on $listen)."
}

stop() {
  if [ -x "$asadmin" ] && running; then
    "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
    echo "Domain '$domain' stopped."
  fi
}

# Stops the domain (if it runs) and removes its folder; the next create or start makes it anew.
delete() {
  if [ ! -d "$domains/$domain" ]; then
    echo "No domain '$domain' in $domains: nothing to delete."
    return 0
  fi
  if [ -x "$asadmin" ] && running; then
    "$asadmin" stop-domain --domaindir "$domains" "$domain" >/dev/null
    echo "Domain '$domain' stopped."
  fi
  rm -rf "${domains:?}/${domain:?}"
  echo "Domain '$domain' deleted from $domains; the next start makes it anew from domain.asadmin."
}

deploy() {
  local ear="$1" name=openicr
  # An EAR is always the application 'openicr'; a WAR (the demo EPR) is named, and has its context
  # root, after its file (demo-epr.war: /demo-epr).
  case "$ear" in
    *.war) name="$(basename "$ear" .war)" ;;
  esac
  remote deploy --force=true --name "$name" "$ear" >/dev/null
  echo "Deployed $(basename "$ear") to domain '$domain'."
}

case "${1:-}" in
  create) create ;;
  start) start ;;
  stop) stop ;;
  deploy) deploy "${2:?EAR path required}" ;;
  status) if running; then echo "running"; else echo "stopped"; fi ;;
  delete) delete ;;
  *) echo "usage: $0 create|start|stop|deploy EAR|WAR|status|delete" >&2; exit 2 ;;
esac
