#!/usr/bin/env bash
# PostgreSQL 15 on 127.0.0.1:${EMS_PG_PORT:-25432} with a pg_monitor user.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: postgres.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_PG_PORT:-25432}
BIN=/usr/lib/postgresql/15/bin
ADMIN_PASSWORD=ems-admin-pw
MON_USER=monuser
MON_PASSWORD=ems-monitor-pw

up() { pg_isready -q -h 127.0.0.1 -p "$PORT"; }

case $cmd in
start)
  mkdir -p "$D"
  ensure_packages postgresql-15 postgresql-client-15
  if ! up; then
    chown postgres "$D"
    if [[ ! -f $D/data/PG_VERSION ]]; then
      echo "$ADMIN_PASSWORD" > "$D/pwfile"; chown postgres "$D/pwfile"
      runuser -u postgres -- $BIN/initdb -D "$D/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$D/pwfile" -E UTF8 --locale=C.UTF-8 >"$D/initdb.log" 2>&1
      mkdir -p "$D/sock"; chown postgres "$D/sock"
    fi
    runuser -u postgres -- $BIN/pg_ctl -D "$D/data" -l "$D/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $D/sock -c shared_preload_libraries=pg_stat_statements" start >&2
    wait_for 30 up || { log "not ready; see $D/server.log"; exit 1; }
    runuser -u postgres -- psql -h "$D/sock" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$MON_USER') THEN
    CREATE ROLE $MON_USER LOGIN PASSWORD '$MON_PASSWORD';
  END IF;
END \$\$;
GRANT pg_monitor TO $MON_USER;
SQL
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" USER="$MON_USER" PASSWORD="$MON_PASSWORD" \
    ADMIN_USER=postgres ADMIN_PASSWORD="$ADMIN_PASSWORD" SOCKET_DIR="$D/sock" DIR="$D"
  ;;
status) up ;;
stop)
  [[ -f $D/data/postmaster.pid ]] && runuser -u postgres -- $BIN/pg_ctl -D "$D/data" -m fast -w stop >&2 || true
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
