#!/usr/bin/env bash
# prometheus-node-exporter 1.5 (Debian package) on 127.0.0.1:${EMS_NODE_EXPORTER_PORT:-29100}.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: node-exporter.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_NODE_EXPORTER_PORT:-29100}
URL=http://127.0.0.1:$PORT/metrics

up() { curl -sf "$URL" -o /dev/null; }

case $cmd in
start)
  mkdir -p "$D/textfile"
  D=$(cd "$D" && pwd)
  ensure_packages prometheus-node-exporter curl
  if ! up; then
    # A private textfile folder: the tests never read the node's own.
    setsid /usr/bin/prometheus-node-exporter --web.listen-address="127.0.0.1:$PORT" \
      --collector.textfile.directory="$D/textfile" \
      </dev/null >"$D/node-exporter.log" 2>&1 &
    echo $! > "$D/node-exporter.pid"
    wait_for 30 up || { log "not ready; see $D/node-exporter.log"; tail -n 20 "$D/node-exporter.log" >&2; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" ENDPOINT="127.0.0.1:$PORT" URL="$URL" DIR="$D"
  ;;
status) up ;;
stop) stop_pidfile "$D/node-exporter.pid" ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
