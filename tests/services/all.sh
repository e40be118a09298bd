#!/usr/bin/env bash
# all.sh start|stop: every service the tests use, with state under
# ${EMS_SERVICES_DIR:-/tmp/otelcol-ems-services}/NAME (the harness uses the same).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT_DIR=${EMS_SERVICES_DIR:-/tmp/otelcol-ems-services}
cmd=${1:?usage: all.sh start|stop}
for s in snmpd postgres mariadb tomcat snmptools nginx apache prometheus node-exporter alertmanager; do
  [[ -x $HERE/$s.sh ]] || continue
  mkdir -p "$ROOT_DIR/$s"
  echo "== $s $cmd" >&2
  "$HERE/$s.sh" "$cmd" "$ROOT_DIR/$s" >/dev/null
done
