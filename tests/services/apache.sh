#!/usr/bin/env bash
# Apache httpd with mod_status (ExtendedStatus On) on
# 127.0.0.1:${EMS_APACHE_PORT:-28081}/server-status.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: apache.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_APACHE_PORT:-28081}

up() { curl -sf "http://127.0.0.1:$PORT/server-status?auto" -o /dev/null; }

case $cmd in
start)
  mkdir -p "$D/htdocs"
  ensure_packages apache2 curl
  if ! up; then
    echo ok > "$D/htdocs/index.html"
    cat > "$D/httpd.conf" <<CONF
ServerRoot /usr/lib/apache2
PidFile $D/httpd.pid
Listen 127.0.0.1:$PORT
ServerName localhost
ErrorLog $D/error.log
LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule authz_host_module modules/mod_authz_host.so
LoadModule status_module modules/mod_status.so
ExtendedStatus On
DocumentRoot $D/htdocs
<Directory $D/htdocs>
  Require all granted
</Directory>
<Location /server-status>
  SetHandler server-status
  Require ip 127.0.0.1
</Location>
CONF
    # apache2 refuses to run as root without a User; run it as www-data.
    if [[ $(id -u) -eq 0 ]]; then
      printf 'User www-data\nGroup www-data\n' >> "$D/httpd.conf"
    fi
    setsid apache2 -f "$D/httpd.conf" -DFOREGROUND </dev/null >/dev/null 2>&1 &
    wait_for 30 up || { log "not ready; see $D/error.log"; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" STATUS_URL="http://127.0.0.1:$PORT/server-status?auto" DIR="$D"
  ;;
status) up ;;
stop) stop_pidfile "$D/httpd.pid" ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
