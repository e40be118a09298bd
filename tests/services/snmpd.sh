#!/usr/bin/env bash
# Starts or stops a private net-snmp agent for tests.
#
#   snmpd.sh start DIR   install snmpd/snmp if missing, start an agent on a free
#                        loopback UDP port with its state in DIR, wait until it
#                        answers, and print KEY=VALUE lines for the test harness.
#   snmpd.sh status DIR  exit 0 when the agent started in DIR answers.
#   snmpd.sh stop DIR    stop the agent started in DIR (by its pid file).
#   snmpd.sh restart DIR restart the agent of DIR with the same port and
#                        credentials (its sysUpTime starts again from 0).
#
# start is idempotent: when the agent of DIR already answers, it prints the
# same KEY=VALUE lines again (kept in DIR/service.env, mode 0600).
#
# The agent serves v2c (community COMMUNITY) and two SNMPv3 users at authPriv:
# V3_USER (SHA/AES-128) and V3_USER256 (SHA-256/AES-256). Passwords are random
# per start and printed on stdout for the harness; nothing is logged elsewhere.
set -euo pipefail

die() { echo "snmpd.sh: $*" >&2; exit 1; }

# The shared installer (lib.sh) holds the one apt lock every service
# script takes: a private lock here raced snmptools.sh's install (exit 100).
install_if_missing() {
	if [ -x /usr/sbin/snmpd ] && command -v snmpget >/dev/null 2>&1; then
		return 0
	fi
	( source "$(dirname "$0")/lib.sh"; ensure_packages snmpd snmp ) || die "installing snmpd snmp failed"
}

randpw() { tr -dc 'A-Za-z0-9' </dev/urandom | head -c 16 || true; }

udp_port_in_use() {
	local hex
	hex=$(printf '%04X' "$1")
	grep -q ":${hex} " /proc/net/udp /proc/net/udp6 2>/dev/null
}

status() {
	local dir=$1
	[ -f "$dir/service.env" ] || return 1
	local pid port community
	pid=$(sed -n 's/^PID=//p' "$dir/service.env")
	port=$(sed -n 's/^PORT=//p' "$dir/service.env")
	community=$(sed -n 's/^COMMUNITY=//p' "$dir/service.env")
	kill -0 "$pid" 2>/dev/null || return 1
	SNMPCONFPATH=$dir snmpget -v2c -c "$community" -t 0.5 -r 1 "127.0.0.1:${port}" 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1
}

start() {
	local dir=$1
	install_if_missing
	if status "$dir"; then
		cat "$dir/service.env"
		return 0
	fi
	stop "$dir"
	mkdir -p "$dir/persist"
	dir=$(cd "$dir" && pwd)
	local community="public$(randpw | head -c 6)"
	local user=monuser user256=monuser256 usermix=monusermix
	local auth priv auth256 priv256 authmix privmix
	auth=$(randpw); priv=$(randpw); auth256=$(randpw); priv256=$(randpw); authmix=$(randpw); privmix=$(randpw)
	# Debian ships no MIB files; without this every tool prints MIB errors.
	printf 'mibs :\n' >"$dir/snmp.conf"

	local attempt port pid addrs ipv6=0
	# Serve IPv6 too when the loopback has ::1.
	grep -q '^0\{31\}1 .* lo$' /proc/net/if_inet6 2>/dev/null && ipv6=1
	for attempt in 1 2 3 4 5 6 7 8 9 10; do
		port=$(( 20000 + RANDOM % 40000 ))
		udp_port_in_use "$port" && continue
		addrs="udp:127.0.0.1:${port},tcp:127.0.0.1:${port}"
		[ "$ipv6" = 1 ] && addrs="${addrs},udp6:[::1]:${port}"
		cat >"$dir/snmpd.conf" <<CONF
agentAddress ${addrs}
rocommunity ${community} 127.0.0.1
rocommunity6 ${community} ::1
createUser ${user} SHA "${auth}" AES "${priv}"
createUser ${user256} SHA-256 "${auth256}" AES-256 "${priv256}"
createUser ${usermix} SHA "${authmix}" AES-256 "${privmix}"
rouser ${usermix} priv
rouser ${user} priv
rouser ${user256} priv
sysName test-snmpd
sysLocation otelcol-ems test rack
sysContact tests@example.invalid
dontLogTCPWrappersConnects yes
CONF
		rm -rf "$dir/persist" && mkdir -p "$dir/persist"
		rm -f "$dir/snmpd.pid"
		SNMPCONFPATH=$dir SNMP_PERSISTENT_DIR=$dir/persist \
			setsid /usr/sbin/snmpd -f -Lf "$dir/snmpd.log" -p "$dir/snmpd.pid" </dev/null >/dev/null 2>&1 &
		pid=$!
		echo "$pid" >"$dir/snmpd.pid.launcher"
		local i
		for i in $(seq 1 50); do
			if ! kill -0 "$pid" 2>/dev/null; then
				break
			fi
			if SNMPCONFPATH=$dir snmpget -v2c -c "$community" -t 0.3 -r 0 "127.0.0.1:${port}" 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1; then
				echo "$pid" >"$dir/snmpd.pid.launcher"
				umask 077
				{
				echo "PORT=${port}"
				echo "HOST=127.0.0.1"
				echo "ENDPOINT=udp://127.0.0.1:${port}"
				echo "ENDPOINT_TCP=tcp://127.0.0.1:${port}"
				if [ "$ipv6" = 1 ]; then echo "ENDPOINT_UDP6=udp://[::1]:${port}"; fi
				echo "COMMUNITY=${community}"
				echo "V3_USER=${user}"
				echo "V3_AUTH_PROTOCOL=SHA"
				echo "V3_AUTH_PASSWORD=${auth}"
				echo "V3_PRIV_PROTOCOL=AES"
				echo "V3_PRIV_PASSWORD=${priv}"
				echo "V3_USER256=${user256}"
				echo "V3_AUTH_PROTOCOL256=SHA256"
				echo "V3_AUTH_PASSWORD256=${auth256}"
				echo "V3_PRIV_PROTOCOL256=AES256"
				echo "V3_PRIV_PASSWORD256=${priv256}"
				# SHA-1 with AES-256: the key must be extended, which tells the
				# AES-256 key extension variants apart.
				echo "V3_USERMIX=${usermix}"
				echo "V3_AUTH_PROTOCOLMIX=SHA"
				echo "V3_AUTH_PASSWORDMIX=${authmix}"
				echo "V3_PRIV_PROTOCOLMIX=AES256"
				echo "V3_PRIV_PASSWORDMIX=${privmix}"
				echo "SNMPCONFPATH=${dir}"
				echo "DIR=${dir}"
				echo "PID=${pid}"
				} >"$dir/service.env"
				cat "$dir/service.env"
				return 0
			fi
			sleep 0.1
		done
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	[ -f "$dir/snmpd.log" ] && tail -n 20 "$dir/snmpd.log" >&2
	die "snmpd did not start (see $dir/snmpd.log)"
}

restart() {
	local dir=$1
	[ -f "$dir/service.env" ] || die "no agent was started in $dir"
	local port community pid i
	port=$(sed -n 's/^PORT=//p' "$dir/service.env")
	community=$(sed -n 's/^COMMUNITY=//p' "$dir/service.env")
	stop "$dir"
	SNMPCONFPATH=$dir SNMP_PERSISTENT_DIR=$dir/persist \
		setsid /usr/sbin/snmpd -f -Lf "$dir/snmpd.log" -p "$dir/snmpd.pid" </dev/null >/dev/null 2>&1 &
	pid=$!
	echo "$pid" >"$dir/snmpd.pid.launcher"
	sed -i "s/^PID=.*/PID=${pid}/" "$dir/service.env"
	for i in $(seq 1 50); do
		if SNMPCONFPATH=$dir snmpget -v2c -c "$community" -t 0.3 -r 0 "127.0.0.1:${port}" 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1; then
			cat "$dir/service.env"
			return 0
		fi
		sleep 0.1
	done
	die "snmpd did not restart (see $dir/snmpd.log)"
}

stop() {
	local dir=$1 pid=""
	if [ -f "$dir/snmpd.pid.launcher" ]; then
		pid=$(cat "$dir/snmpd.pid.launcher")
	elif [ -f "$dir/snmpd.pid" ]; then
		pid=$(cat "$dir/snmpd.pid")
	fi
	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null || return 0
	local i
	for i in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -9 "$pid" 2>/dev/null || true
}

case "${1:-}" in
	start) [ -n "${2:-}" ] || die "usage: $0 start DIR"; start "$2" ;;
	status) [ -n "${2:-}" ] || die "usage: $0 status DIR"; status "$2" ;;
	restart) [ -n "${2:-}" ] || die "usage: $0 restart DIR"; restart "$2" ;;
	stop) [ -n "${2:-}" ] || die "usage: $0 stop DIR"; stop "$2" ;;
	*) die "usage: $0 start|status|restart|stop DIR" ;;
esac
