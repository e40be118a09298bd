#!/usr/bin/env bash
# Tomcat 10.1 with the manager app on 127.0.0.1:${EMS_TOMCAT_PORT:-28080}.
# Optional, for private instances (they take effect when the base is made):
#   EMS_TOMCAT_PORT2=N        a second HTTP connector on 127.0.0.1:N, e.g. for
#                             test traffic that the monitoring must not mix into
#   EMS_TOMCAT_WEBAPPS="D..." webapp directories copied into webapps/ (by name)
# Users: monuser (manager-status, manager-jmx), statusonly (manager-status)
# and noroles (no role), all with the same password.
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
  <user username="statusonly" password="$MON_PASSWORD" roles="manager-status"/>
  <user username="noroles" password="$MON_PASSWORD" roles=""/>
</tomcat-users>
XML
      if [[ -n ${EMS_TOMCAT_PORT2:-} ]]; then
        sed -i -E "s#(<Connector address=\"127.0.0.1\" port=\"[0-9]+\")#<Connector address=\"127.0.0.1\" port=\"$EMS_TOMCAT_PORT2\" protocol=\"HTTP/1.1\" connectionTimeout=\"20000\"/>\n    \1#" "$B/conf/server.xml"
      fi
      for w in ${EMS_TOMCAT_WEBAPPS:-}; do cp -r "$w" "$B/webapps/"; done
      chown -R tomcat:tomcat "$B"
    fi
    # The port is set on every start, so a base made with another port follows
    # (the main connector is the one whose line ends after protocol).
    sed -i -E "s#(<Connector address=\"127.0.0.1\" port=\")[0-9]+(\" protocol=\"HTTP\/1.1\"\s*$)#\1$PORT\2#" "$B/conf/server.xml"
    chown tomcat "$D"
    runuser -u tomcat -- env JAVA_HOME=$JAVA_HOME CATALINA_HOME=/usr/share/tomcat10 CATALINA_BASE="$B" \
      CATALINA_TMPDIR="$B/temp" CATALINA_PID="$D/tomcat.pid" \
      JAVA_OPTS="-Djava.awt.headless=true -Xmx256m" /usr/share/tomcat10/bin/catalina.sh start >&2
    wait_for 90 up || { log "not ready; see $B/logs"; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" PORT2="${EMS_TOMCAT_PORT2:-}" USER="$MON_USER" PASSWORD="$MON_PASSWORD" \
    STATUS_URL="http://127.0.0.1:$PORT/manager/status?XML=true" DIR="$D" BASE="$D/base"
  ;;
status) up ;;
stop) stop_pidfile "$D/tomcat.pid" ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
