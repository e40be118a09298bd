#!/usr/bin/env bash
# Prometheus 2.42 (Debian package `prometheus`) on 127.0.0.1:${EMS_PROMETHEUS_PORT:-29090}.
#
# It scrapes every second whatever targets the tests drop into DIR/targets as
# file_sd JSON files (one file per test; Prometheus watches the folder), and
# keeps its TSDB in DIR/data. PROMTOOL is printed for `promtool query instant`.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: prometheus.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_PROMETHEUS_PORT:-29090}
URL=http://127.0.0.1:$PORT

up() { curl -sf "$URL/-/ready" -o /dev/null; }

case $cmd in
start)
  mkdir -p "$D/targets" "$D/data"
  D=$(cd "$D" && pwd)
  ensure_packages prometheus curl
  if ! up; then
    cat > "$D/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: tests
    file_sd_configs:
      - files: ['$D/targets/*.json']
        refresh_interval: 1s
YML
    setsid /usr/bin/prometheus --config.file="$D/prometheus.yml" --storage.tsdb.path="$D/data" \
      --web.listen-address="127.0.0.1:$PORT" --storage.tsdb.retention.time=1h \
      </dev/null >"$D/prometheus.log" 2>&1 &
    echo $! > "$D/prometheus.pid"
    wait_for 60 up || { log "not ready; see $D/prometheus.log"; tail -n 20 "$D/prometheus.log" >&2; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" URL="$URL" TARGETS_DIR="$D/targets" PROMTOOL=/usr/bin/promtool DIR="$D"
  ;;
status) up ;;
stop) stop_pidfile "$D/prometheus.pid" ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
