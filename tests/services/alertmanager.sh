#!/usr/bin/env bash
# Two Prometheus Alertmanager 0.25 instances (an HA pair as a sender sees it:
# each must get every alert) on 127.0.0.1:${EMS_ALERTMANAGER_PORT:-29093} and
# 127.0.0.1:${EMS_ALERTMANAGER_PORT2:-29094}. Gossip is off: each instance
# stands alone, so a test can check that both received every alert.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: alertmanager.sh start|status|stop DIR}; D=${2:?DIR}
PORT1=${EMS_ALERTMANAGER_PORT:-29093}
PORT2=${EMS_ALERTMANAGER_PORT2:-29094}
BIN=/usr/bin/prometheus-alertmanager

up_one() { curl -sf "http://127.0.0.1:$1/api/v2/status" -o /dev/null; }
up() { up_one "$PORT1" && up_one "$PORT2"; }

start_one() { # start_one N PORT
  local n=$1 port=$2
  up_one "$port" && return 0
  mkdir -p "$D/am$n"
  # A tiny group_wait so notifications flow quickly; the sink receiver
  # discards them (the tests read /api/v2/alerts).
  cat > "$D/am$n.yml" <<YML
route:
  receiver: sink
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: sink
YML
  setsid "$BIN" --config.file="$D/am$n.yml" --storage.path="$D/am$n" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= \
    </dev/null >"$D/am$n.log" 2>&1 &
  echo $! > "$D/am$n.pid"
}

case $cmd in
start)
  mkdir -p "$D"
  ensure_packages prometheus-alertmanager curl
  start_one 1 "$PORT1"
  start_one 2 "$PORT2"
  wait_for 60 up || { log "not ready; see $D/am1.log $D/am2.log"; exit 1; }
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT1" PORT2="$PORT2" \
    URL="http://127.0.0.1:$PORT1" URL2="http://127.0.0.1:$PORT2" DIR="$D"
  ;;
status) up ;;
stop)
  for n in 1 2; do
    if pid_alive "$D/am$n.pid"; then
      kill "$(cat "$D/am$n.pid")"
      wait_for 20 bash -c "! kill -0 $(cat "$D/am$n.pid") 2>/dev/null" || kill -9 "$(cat "$D/am$n.pid")" 2>/dev/null || true
    fi
  done
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
