#!/usr/bin/env bash
# Sourced by kill9.sh and stack-sample.sh: finds the JVM of ONE Payara domain, never another's.
#
#   payara_pid DOMAIN_DIR HTTP_PORT   prints the PID, or fails with a reason
#
# Two independent facts must agree: the ASMain process started with exactly this -domaindir, and
# the process listening on the domain's HTTP port. Other worktrees run domains with the same name
# (openicr) on other port bases, so the name alone is not enough.

payara_pid() {
  local domain_dir="$1" http_port="$2" pattern pids listener
  # Escape regex metacharacters of the path (dots in ".openicr").
  pattern="com\.sun\.enterprise\.glassfish\.bootstrap\.ASMain .*-domaindir $(printf '%s' "$domain_dir" | sed 's/[][\.*^$+?(){}|]/\\&/g')( |$)"
  pids="$(pgrep -f -- "$pattern" || true)"
  if [ -z "$pids" ]; then
    echo "no Payara JVM runs for $domain_dir" >&2
    return 1
  fi
  if [ "$(printf '%s\n' "$pids" | wc -l)" -ne 1 ]; then
    echo "more than one Payara JVM for $domain_dir: $(echo $pids); not touching any" >&2
    return 1
  fi
  listener="$(ss -ltnpH "sport = :$http_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
  if [ "$listener" != "$pids" ]; then
    echo "the process listening on port $http_port (${listener:-none}) is not the domain's JVM ($pids)" >&2
    return 1
  fi
  printf '%s\n' "$pids"
}
