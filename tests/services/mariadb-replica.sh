#!/usr/bin/env bash
# A private MariaDB 10.11 pair: a primary with a binary log on
# 127.0.0.1:${EMS_MARIADB_REPL_PRIMARY_PORT:-23308} and a replica of it on
# 127.0.0.1:${EMS_MARIADB_REPLICA_PORT:-23307} (CHANGE MASTER TO ... with
# GTID), both with the monitoring user.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: mariadb-replica.sh start|status|stop DIR}; D=${2:?DIR}
P_PORT=${EMS_MARIADB_REPL_PRIMARY_PORT:-23308}
R_PORT=${EMS_MARIADB_REPLICA_PORT:-23307}
MON_USER=monuser
MON_PASSWORD=ems-monitor-pw
REPL_PASSWORD=ems-repl-pw

sql() { mariadb --no-defaults --socket="$D/$1/mysqld.sock" -uroot "${@:2}"; }
up() { mariadb-admin --no-defaults --socket="$D/$1/mysqld.sock" -uroot ping >/dev/null 2>&1; }

start_one() { # NAME PORT SERVER_ID EXTRA...
  local n=$1 port=$2 id=$3; shift 3
  if up "$n"; then return 0; fi
  if [[ ! -d $D/$n/data/mysql ]]; then
    mkdir -p "$D/$n/data"; chown -R mysql:mysql "$D/$n"
    mariadb-install-db --no-defaults --datadir="$D/$n/data" --user=mysql \
      --auth-root-authentication-method=socket --skip-test-db >"$D/$n/install.log" 2>&1
  fi
  setsid /usr/sbin/mariadbd --no-defaults --datadir="$D/$n/data" --user=mysql --bind-address=127.0.0.1 \
    --port="$port" --socket="$D/$n/mysqld.sock" --pid-file="$D/$n/mariadbd.pid" --log-error="$D/$n/error.log" \
    --skip-name-resolve --server-id="$id" "$@" </dev/null >/dev/null 2>&1 &
  wait_for 60 up "$n" || { log "$n not ready; see $D/$n/error.log"; exit 1; }
  sql "$n" >&2 <<SQL
CREATE USER IF NOT EXISTS '$MON_USER'@'%' IDENTIFIED BY '$MON_PASSWORD';
GRANT PROCESS, REPLICATION CLIENT, SLAVE MONITOR, SELECT ON *.* TO '$MON_USER'@'%';
SQL
}

case $cmd in
start)
  mkdir -p "$D/primary" "$D/replica"
  ensure_packages mariadb-server mariadb-client
  chown mysql "$D" "$D/primary" "$D/replica"
  start_one primary "$P_PORT" 1 --log-bin=mariadb-bin --binlog-format=ROW --performance-schema=ON
  sql primary >&2 <<SQL
CREATE USER IF NOT EXISTS 'repl'@'%' IDENTIFIED BY '$REPL_PASSWORD';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';
SQL
  start_one replica "$R_PORT" 2 --read-only --relay-log=relay-bin
  if [[ -z $(sql replica -N -e "SHOW SLAVE STATUS") ]]; then
    sql replica >&2 <<SQL
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$P_PORT, MASTER_USER='repl',
  MASTER_PASSWORD='$REPL_PASSWORD', MASTER_USE_GTID=slave_pos;
START SLAVE;
SQL
  fi
  running() { sql replica -e "SHOW SLAVE STATUS\G" | grep -q "Slave_IO_Running: Yes"; }
  wait_for 30 running || { log "replication did not start; see $D/replica/error.log"; exit 1; }
  emit_env "$D" HOST=127.0.0.1 PORT="$R_PORT" PRIMARY_PORT="$P_PORT" USER="$MON_USER" PASSWORD="$MON_PASSWORD" \
    SOCKET="$D/replica/mysqld.sock" PRIMARY_SOCKET="$D/primary/mysqld.sock" DIR="$D"
  ;;
status) up primary && up replica ;;
stop)
  for n in replica primary; do
    if pid_alive "$D/$n/mariadbd.pid"; then
      pid=$(cat "$D/$n/mariadbd.pid"); kill "$pid"
      wait_for 30 bash -c "! kill -0 $pid 2>/dev/null" || true
    fi
  done
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
