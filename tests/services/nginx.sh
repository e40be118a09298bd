#!/usr/bin/env bash
# nginx with stub_status on 127.0.0.1:${EMS_NGINX_PORT:-28082}/nginx_status.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: nginx.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_NGINX_PORT:-28082}

up() { curl -sf "http://127.0.0.1:$PORT/nginx_status" -o /dev/null; }

case $cmd in
start)
  mkdir -p "$D/tmp"
  ensure_packages nginx curl
  if ! up; then
    cat > "$D/nginx.conf" <<CONF
daemon off;
pid $D/nginx.pid;
error_log $D/error.log;
worker_processes 1;
events {}
http {
  access_log off;
  client_body_temp_path $D/tmp; proxy_temp_path $D/tmp; fastcgi_temp_path $D/tmp;
  uwsgi_temp_path $D/tmp; scgi_temp_path $D/tmp;
  server {
    listen 127.0.0.1:$PORT;
    location /nginx_status { stub_status; }
    location / { return 200 "ok\n"; }
  }
}
CONF
    setsid nginx -c "$D/nginx.conf" -p "$D" </dev/null >/dev/null 2>&1 &
    wait_for 30 up || { log "not ready; see $D/error.log"; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" STATUS_URL="http://127.0.0.1:$PORT/nginx_status" DIR="$D"
  ;;
status) up ;;
stop) stop_pidfile "$D/nginx.pid" ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
