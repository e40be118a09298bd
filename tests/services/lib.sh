# Shared helpers for the service scripts; sourced, not run.
# Each script: NAME.sh start DIR | status DIR | stop DIR
#   start prints KEY=VALUE lines (also saved to DIR/env) and is idempotent.

set -euo pipefail

log() { echo "[$(basename "$0" .sh)] $*" >&2; }

# ensure_packages PKG... installs Debian packages that are missing.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  log "installing ${missing[*]}"
  # apt is not safe to run concurrently; several scripts may start at once.
  (
    flock 8
    if [[ ! -f /var/lib/apt/lists/.otelcol-ems-updated ]] || [[ -n "$(find /var/lib/apt/lists/.otelcol-ems-updated -mmin +720 2>/dev/null)" ]]; then
      apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
      touch /var/lib/apt/lists/.otelcol-ems-updated
    fi
    # Other apt users (another package test installing directly, the
    # image's own jobs) hold dpkg's lock outside ours: wait for it, and
    # retry once after refreshing the lists (exit 100 seen on a fresh CI
    # machine).
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
      { apt-get -o DPkg::Lock::Timeout=300 update -qq >&2; DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >&2; }
  ) 8>/var/lock/otelcol-ems-apt.lock
}

# wait_for SECONDS CMD... retries CMD until it succeeds.
wait_for() {
  local secs=$1; shift
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= end )); then
      return 1
    fi
    sleep 0.5
  done
}

# emit_env DIR KEY=VALUE... writes the env file and prints it.
emit_env() {
  local dir=$1; shift
  printf '%s\n' "$@" > "$dir/env"
  cat "$dir/env"
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# stop_pidfile FILE stops the process whose PID FILE holds: TERM, then KILL
# after 30 s.
stop_pidfile() {
  pid_alive "$1" || return 0
  local pid; pid=$(cat "$1")
  kill "$pid"
  wait_for 30 bash -c "! kill -0 $pid 2>/dev/null" || kill -9 "$pid" 2>/dev/null || true
}
