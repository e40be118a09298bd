#!/usr/bin/env bash
# A PostgreSQL 15 streaming standby of the shared primary (postgres.sh), made
# with pg_basebackup -R, on 127.0.0.1:${EMS_PG_STANDBY_PORT:-25433}. No
# replication slot: a standby that goes away leaves nothing on the primary.
source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: postgres-standby.sh start|status|stop DIR}; D=${2:?DIR}
PORT=${EMS_PG_STANDBY_PORT:-25433}
BIN=/usr/lib/postgresql/15/bin
PRIMARY_DIR=${EMS_SERVICES_DIR:-/tmp/otelcol-ems-services}/postgres

# Up means this directory's server (its socket), not whatever holds the port.
up() { [[ -d $D/sock ]] && pg_isready -q -h "$D/sock" -p "$PORT"; }

case $cmd in
start)
  mkdir -p "$D" "$PRIMARY_DIR"
  # The primary's env (its start is idempotent and reuses a running one),
  # under the harness's lock of the shared primary; the server must not
  # inherit the lock's descriptor (9>&-), or it would hold the lock forever.
  primary=$( (flock 9; "$(dirname "$0")/postgres.sh" start "$PRIMARY_DIR" 9>&-) 9>"$PRIMARY_DIR.lock")
  P_PORT=$(sed -n 's/^PORT=//p' <<<"$primary")
  P_ADMIN=$(sed -n 's/^ADMIN_USER=//p' <<<"$primary")
  P_PW=$(sed -n 's/^ADMIN_PASSWORD=//p' <<<"$primary")
  MON_USER=$(sed -n 's/^USER=//p' <<<"$primary")
  MON_PW=$(sed -n 's/^PASSWORD=//p' <<<"$primary")
  if ! up; then
    chown postgres "$D"
    if [[ ! -f $D/data/PG_VERSION ]]; then
      runuser -u postgres -- env PGPASSWORD="$P_PW" $BIN/pg_basebackup -h 127.0.0.1 -p "$P_PORT" -U "$P_ADMIN" \
        -D "$D/data" -R -X stream -c fast >"$D/basebackup.log" 2>&1 || { log "pg_basebackup failed; see $D/basebackup.log"; exit 1; }
      chmod 700 "$D/data"
      mkdir -p "$D/sock"; chown postgres "$D/sock"
    fi
    runuser -u postgres -- $BIN/pg_ctl -D "$D/data" -l "$D/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $D/sock -c hot_standby=on" start >&2
    wait_for 30 up || { log "not ready; see $D/server.log"; exit 1; }
  fi
  emit_env "$D" HOST=127.0.0.1 PORT="$PORT" USER="$MON_USER" PASSWORD="$MON_PW" \
    PRIMARY_PORT="$P_PORT" ADMIN_USER="$P_ADMIN" ADMIN_PASSWORD="$P_PW" SOCKET_DIR="$D/sock" DIR="$D" BIN="$BIN"
  ;;
status) up ;;
stop)
  [[ -f $D/data/postmaster.pid ]] && runuser -u postgres -- $BIN/pg_ctl -D "$D/data" -m fast -w stop >&2 || true
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
