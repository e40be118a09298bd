#!/usr/bin/env bash
# Provides the net-snmp command-line tools that send traps and informs
# (snmptrap, snmpinform) and the reference listener snmptrapd. There is no
# daemon to run: start installs what is missing and writes a private
# configuration directory that keeps the tools quiet about missing MIBs.
#
#   snmptools.sh start DIR   install snmp/snmptrapd if missing, write DIR/snmp.conf,
#                            print KEY=VALUE lines for the test harness.
#   snmptools.sh status DIR  exit 0 when the tools are installed and DIR is set up.
#   snmptools.sh stop DIR    nothing to stop (kept for the service script interface).
source "$(dirname "$0")/lib.sh"

cmd=${1:-}
dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 start|status|stop DIR" >&2; exit 2; }

status() {
  command -v snmptrap >/dev/null && command -v snmpinform >/dev/null &&
    [[ -x /usr/sbin/snmptrapd ]] && [[ -f "$dir/snmp.conf" ]]
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    ensure_packages snmp snmptrapd
    # Debian ships no MIBs; without this every tool prints MIB errors.
    printf 'mibs :\n' > "$dir/snmp.conf"
    mkdir -p "$dir/persist"
    status || { log "net-snmp tools missing after install"; exit 1; }
    emit_env "$dir" \
      "SNMPCONFPATH=$dir" \
      "SNMP_PERSISTENT_DIR=$dir/persist" \
      "SNMPTRAP=$(command -v snmptrap)" \
      "SNMPINFORM=$(command -v snmpinform)" \
      "SNMPTRAPD=/usr/sbin/snmptrapd" \
      "VERSION=$(snmptrap --version 2>&1 | sed -n 's/^NET-SNMP version: *//p')"
    ;;
  status) status ;;
  stop) exit 0 ;;
  *) echo "usage: $0 start|status|stop DIR" >&2; exit 2 ;;
esac
