#!/usr/bin/env bash
# Starts or stops the demo identity provider: Keycloak (Maven Central's distribution), with the
# realm cis2-demo imported from server-config/keycloak/ (shaped like NHS CIS2, docs/identity.md).
#
#   keycloak.sh start|stop|status
#
# Not started by ./icr run or ./icr test yet (docs/identity.md, "The next step").
#
# Environment (all have defaults for the demo):
#   ICR_KEYCLOAK_DIR      where Keycloak is unpacked and keeps its data (default <repo>/.openicr/keycloak);
#                         the generated secrets go to the folder above it (.openicr/ for the demo)
#   ICR_KEYCLOAK_PORT     HTTP port, on 127.0.0.1 only (default 28280)
#   ICR_KEYCLOAK_MANAGEMENT_PORT  health endpoints, on 127.0.0.1 only (default ICR_KEYCLOAK_PORT + 10)
#   ICR_KEYCLOAK_VERSION  org.keycloak:keycloak-quarkus-dist version (default below)
#   ICR_KEYCLOAK_JAVA_HOME  a JDK 21 or later (default: the newest under /usr/lib/jvm or /opt)
#   ICR_PORTBASE          OpenICR's Payara port base (default 28000): the client's redirect URIs are
#                         http://127.0.0.1:<base+80>/openicr/* and http://localhost:<base+80>/openicr/*
#   ICR_KEYCLOAK_ADMIN_PASSWORD  the master realm's admin password (default: generated once into
#                         <state>/keycloak-admin.password, mode 0600)
#   OPENICR_OIDC_CLIENT_SECRET   the openicr client's secret (default: generated once into
#                         <state>/keycloak-openicr-client.secret, mode 0600)
#   OPENICR_DEMO_EPR_CLIENT_SECRET  the demo EPR's client secret (issue 19 item 2; default: generated
#                         once into <state>/keycloak-demo-epr-client.secret, mode 0600)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
version="${ICR_KEYCLOAK_VERSION:-26.7.3}"
dir="${ICR_KEYCLOAK_DIR:-$repo/.openicr/keycloak}"
state="$(dirname "$dir")"
home="$dir/keycloak-$version"
port="${ICR_KEYCLOAK_PORT:-28280}"
management_port="${ICR_KEYCLOAK_MANAGEMENT_PORT:-$((port + 10))}"
app_http_port=$((${ICR_PORTBASE:-28000} + 80))
realm_file="$here/keycloak/cis2-demo-realm.json"
pidfile="$dir/keycloak-$port.pid"
log="$dir/keycloak-$port.log"
# shellcheck source=secrets.sh
. "$here/secrets.sh"

# Options fixed when the server is built (kc.sh build): a change rebuilds it.
build_options=(--db=dev-file --health-enabled=true)

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# The newest JDK of version 21 or later: Keycloak 26 does not run on the project's JDK 17.
find_java_home() {
  if [ -n "${ICR_KEYCLOAK_JAVA_HOME:-}" ]; then
    printf '%s' "$ICR_KEYCLOAK_JAVA_HOME"
    return 0
  fi
  local best="" best_version=0 candidate v
  for candidate in /usr/lib/jvm/* /opt/* /opt/java/*; do
    [ -x "$candidate/bin/java" ] || continue
    v="$("$candidate/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')"
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_version" ]; then
      best="$candidate"
      best_version="$v"
    fi
  done
  if [ -z "$best" ]; then
    echo "Keycloak $version needs a JDK 21 or later: none found under /usr/lib/jvm or /opt." >&2
    echo "Install one (e.g. the Debian package openjdk-21-jdk-headless, or Temurin 21) or set ICR_KEYCLOAK_JAVA_HOME." >&2
    exit 1
  fi
  printf '%s' "$best"
}

# Maven Central's distribution, through Maven (into ~/.m2 once), unpacked into $home.
unpack() {
  [ -x "$home/bin/kc.sh" ] && return 0
  mkdir -p "$dir"
  echo "Fetching Keycloak $version (org.keycloak:keycloak-quarkus-dist, zip) from Maven Central..."
  mvn -B -q -f "$here/pom.xml" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory="$dir/download"
  rm -rf "$dir/unpacking"
  mkdir -p "$dir/unpacking"
  unzip -q "$dir/download/keycloak-quarkus-dist-$version.zip" -d "$dir/unpacking"
  mv "$dir/unpacking/keycloak-$version" "$home"
  rm -rf "$dir/unpacking" "$dir/download"
}

# What the realm's data was made from: the realm file, the ports and the secrets. Keycloak's data
# holds nothing else (no user of the demo changes it), so when one of them changes the data is
# deleted and the realm imported anew from the file.
realm_fingerprint() {
  {
    echo "keycloak $version"
    echo "port $port app $app_http_port"
    printf '%s' "$KC_BOOTSTRAP_ADMIN_PASSWORD" | sha256sum
    printf '%s' "$OPENICR_OIDC_CLIENT_SECRET" | sha256sum
    printf '%s' "$OPENICR_DEMO_EPR_CLIENT_SECRET" | sha256sum
    cat "$realm_file"
  } | sha256sum | cut -d' ' -f1
}

# Waits until the realm answers (after its import), not only the server: ten minutes at most
# (measured 3 to 5 minutes on 2 cores under a heavy load).
wait_ready() {
  local started=$1 deadline=$((SECONDS + 600))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS "http://127.0.0.1:$port/realms/cis2-demo/.well-known/openid-configuration" >/dev/null 2>&1; then
      echo "Keycloak $version ready after $((SECONDS - started)) s: http://127.0.0.1:$port/ (realm cis2-demo; admin console user admin, password in $state/keycloak-admin.password unless ICR_KEYCLOAK_ADMIN_PASSWORD is set)."
      return 0
    fi
    if ! running; then
      echo "Keycloak failed to start; see $log:" >&2
      tail -20 "$log" >&2
      rm -f "$pidfile"
      return 1
    fi
    sleep 1
  done
  echo "Keycloak did not start within 600 s; stopping it. See $log" >&2
  stop >&2
  return 1
}

start() {
  if running; then
    # Another start may still be on its way: answer when the realm does.
    wait_ready $SECONDS
    return
  fi
  # Maven runs on the project's JDK; Keycloak on its own (below).
  unpack
  export JAVA_HOME
  JAVA_HOME="$(find_java_home)"
  export PATH="$JAVA_HOME/bin:$PATH"
  export KC_BOOTSTRAP_ADMIN_USERNAME=admin
  export KC_BOOTSTRAP_ADMIN_PASSWORD="${ICR_KEYCLOAK_ADMIN_PASSWORD:-$(icr_secret "$state/keycloak-admin.password")}"
  export OPENICR_OIDC_CLIENT_SECRET="${OPENICR_OIDC_CLIENT_SECRET:-$(icr_secret "$state/keycloak-openicr-client.secret")}"
  export OPENICR_DEMO_EPR_CLIENT_SECRET="${OPENICR_DEMO_EPR_CLIENT_SECRET:-$(icr_secret "$state/keycloak-demo-epr-client.secret")}"
  # Read by the realm file's placeholders at import.
  export ICR_HTTP_PORT="$app_http_port"
  # Heap: Keycloak's own default outside a container, written out so that it does not follow the
  # machine's memory.
  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"

  if [ "$(cat "$home/openicr-build" 2>/dev/null)" != "${build_options[*]}" ]; then
    echo "Building Keycloak $version (${build_options[*]}), once..."
    "$home/bin/kc.sh" build "${build_options[@]}" >"$dir/keycloak-build.log" 2>&1 || {
      tail -20 "$dir/keycloak-build.log" >&2
      exit 1
    }
    echo "${build_options[*]}" >"$home/openicr-build"
  fi
  local wanted import=()
  wanted="$(realm_fingerprint)"
  if [ "$(cat "$home/data/openicr-realm" 2>/dev/null)" != "$wanted" ]; then
    rm -rf "$home/data/h2" "$home/data/import" "$home/data/openicr-realm"
    mkdir -p "$home/data/import"
    cp "$realm_file" "$home/data/import/"
    import=(--import-realm)
  fi

  local started=$SECONDS
  nohup "$home/bin/kc.sh" start --optimized "${import[@]}" \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$port" \
    --http-management-host=127.0.0.1 --http-management-port="$management_port" \
    --hostname="http://127.0.0.1:$port" \
    --cache=local \
    >"$log" 2>&1 &
  echo $! >"$pidfile"
  wait_ready "$started"
  # Written once the realm is in: a start that failed during the import imports again.
  echo "$wanted" >"$home/data/openicr-realm"
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
    if kill -0 "$pid" 2>/dev/null; then
      echo "Keycloak on port $port did not stop within 30 s; stopping it hard." >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    echo "Keycloak on port $port stopped."
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running"; else echo "stopped"; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
