#!/usr/bin/env bash
# Runs the test suites: all (default), unit or e2e. Installs what is missing
# (ocb, Debian packages for services, through the harness), builds the
# distribution once, and stops the shared services at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export PATH="$PATH:/usr/local/go/bin:$(go env GOPATH)/bin"
what=${1:-all}

cleanup() { ./tests/services/all.sh stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

# Every Debian package the services need, in one apt run before tests start
# services from parallel packages (concurrent installs failed on a fresh
# machine). The service scripts still install what is missing on their own,
# so a failure here is not fatal.
( source ./tests/services/lib.sh
  ensure_packages snmpd snmp snmptrapd postgresql-15 postgresql-client-15 \
    mariadb-server mariadb-client apache2 nginx curl tomcat10 tomcat10-admin \
    prometheus prometheus-alertmanager prometheus-node-exporter ) ||
  echo "tests/run.sh: installing the service packages up front failed; each service script tries again" >&2

# Build first, once: every end-to-end test runs this binary.
./distribution/build.sh

pkgs_unit=$(go list ./... | grep -v '/tests/' || true)
pkgs_e2e=$(go list ./tests/...)
case $what in
  all) pkgs="$pkgs_unit $pkgs_e2e" ;;
  unit) pkgs=$pkgs_unit ;;
  e2e) pkgs=$pkgs_e2e ;;
  *) echo "usage: $0 [all|unit|e2e]" >&2; exit 2 ;;
esac
# Service-backed and end-to-end tests carry the integration build tag; this
# runs them with the hermetic ones. Fail fast on vet problems too.
go vet -tags integration $pkgs
go test -tags integration -count=1 -timeout 45m $pkgs
