#!/usr/bin/env bash
# Tomcat 10.1 with the manager app on 127.0.0.1:${EMS_TOMCAT_PORT:-28080}.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: tomcat.sh start|status|stop DIR}; D=${2:?DIR}
# Fixed ports sit below Linux's ephemeral range (32768-60999), so no
# client socket or test listener on port 0 can hold them when we start.
PORT=${EMS_TOMCAT_PORT:-28080}
MON_USER=monuser
MON_PASSWORD=ems-monitor-pw
JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64

up() { curl -sf -u "$MON_USER:$MON_PASSWORD" "http://127.0.0.1:$PORT/manager/status?XML=true" -o /dev/null; }

case $cmd in
start)
  mkdir -p "$D"
  ensure_packages tomcat10 tomcat10-admin curl
  if ! up; then
    B=$D/base
    if [[ ! -f $B/conf/server.xml ]]; then
      mkdir -p "$B"/{logs,temp,work,webapps,lib}
      cp -r /etc/tomcat10 "$B/conf"
      # Private port, loopback only.
      sed -i -E "s#<Connector port=\"8080\"#<Connector address=\"127.0.0.1\" port=\"$PORT\"#" "$B/conf/server.xml"
      sed -i -E 's#<Server port="[0-9-]+"#<Server port="-1"#' "$B/conf/server.xml"
      cat > "$B/conf/tomcat-users.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
  <role rolename="manager-status"/>
  <role rolename="manager-jmx"/>
  <user username="$MON_USER" password="$MON_PASSWORD" roles="manager-status,manager-jmx"/>
</tomcat-users>
XML
      chown -R tomcat:tomcat "$B"
    fi
    # The port is set on every start, so a base made with another port follows.
    sed -i -E "s#(<Connector address=\"127.0.0.1\" port=\")[0-9]+#\1$PORT#" "$B/conf/server.xml"
    chown tomcat "$D"
    runuser -u tomcat -- env JAVA_HOME=$JAVA_HOME CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE="$B" \
      CATALINA_TMPDIR="$B/temp" CATALINA_PID="$D/tomcat.pid" \
      JAVA_OPTS="-Djava.awt.headless=true -Xmx256m" /usr/share/tomcat10/bin/catalina.sh start >&2
    wait_for 90 up || { log "not ready; see $B/logs"; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" USER="$MON_USER" PASSWORD="$MON_PASSWORD" \
    STATUS_URL="http://127.0.0.1:$PORT/manager/status?XML=true" DIR="$D"
  ;;
status) up ;;
stop)
  if pid_alive "$D/tomcat.pid"; then
    kill "$(cat "$D/tomcat.pid")"
    wait_for 30 bash -c "! kill -0 $(cat "$D/tomcat.pid") 2>/dev/null" || kill -9 "$(cat "$D/tomcat.pid")" 2>/dev/null || true
  fi
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
