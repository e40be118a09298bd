#!/usr/bin/env bash
# MariaDB 10.11 on 127.0.0.1:${EMS_MARIADB_PORT:-23306} with a monitoring user.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: mariadb.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_MARIADB_PORT:-23306}
MON_USER=monuser
MON_PASSWORD=ems-monitor-pw

up() { mariadb-admin --no-defaults --socket="$D/mysqld.sock" -uroot ping; }

case $cmd in
start)
  mkdir -p "$D"
  ensure_packages mariadb-server mariadb-client
  if ! up >/dev/null 2>&1; then
    if [[ ! -d $D/data/mysql ]]; then
      mkdir -p "$D/data"; chown -R mysql:mysql "$D/data"
      mariadb-install-db --no-defaults --datadir="$D/data" --user=mysql \
        --auth-root-authentication-method=socket --skip-test-db >"$D/install.log" 2>&1
    fi
    chown mysql "$D"
    setsid /usr/sbin/mariadbd --no-defaults --datadir="$D/data" --user=mysql --bind-address=127.0.0.1 \
      --port="$PORT" --socket="$D/mysqld.sock" --pid-file="$D/mariadbd.pid" --log-error="$D/error.log" \
      --skip-name-resolve </dev/null >/dev/null 2>&1 &
    wait_for 60 up || { log "not ready; see $D/error.log"; exit 1; }
    mariadb --no-defaults --socket="$D/mysqld.sock" -uroot >&2 <<SQL
CREATE USER IF NOT EXISTS '$MON_USER'@'%' IDENTIFIED BY '$MON_PASSWORD';
GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO '$MON_USER'@'%';
FLUSH PRIVILEGES;
SQL
  fi
  # MariaDB 10.5+ needs SLAVE MONITOR for SHOW REPLICA/SLAVE STATUS; granted on
  # every start so that instances made by older versions of this script get it.
  mariadb --no-defaults --socket="$D/mysqld.sock" -uroot -e "GRANT SLAVE MONITOR ON *.* TO '$MON_USER'@'%'" >&2
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" USER="$MON_USER" PASSWORD="$MON_PASSWORD" SOCKET="$D/mysqld.sock" DIR="$D"
  ;;
status) up >/dev/null 2>&1 ;;
stop)
  if pid_alive "$D/mariadbd.pid"; then
    kill "$(cat "$D/mariadbd.pid")"
    wait_for 30 bash -c "! kill -0 $(cat "$D/mariadbd.pid") 2>/dev/null" || true
  fi
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
