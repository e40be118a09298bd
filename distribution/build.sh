#!/usr/bin/env bash
# Builds distribution/_build/otelcol-ems with ocb, and the ems-archive command
# next to it. Safe to run concurrently:
# builds are serialised with a lock, and a binary newer than every source file
# is reused unless FORCE=1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OCB_VERSION=v0.165.0
BIN="$ROOT/distribution/_build/otelcol-ems"
GOBIN="$(go env GOPATH)/bin"
OCB="$GOBIN/builder"

if [[ "$("$OCB" version 2>&1 || true)" != *"$OCB_VERSION"* ]]; then
  echo "installing ocb $OCB_VERSION" >&2
  go install "go.opentelemetry.io/collector/cmd/builder@$OCB_VERSION"
fi

fresh() {
  [[ -x "$BIN" ]] || return 1
  local newer
  # Anything that can end up in the binary: Go sources, embedded data, the manifest.
  newer="$(cd "$ROOT" && find . \( -path ./distribution -o -path ./tests -o -path ./.git -o -name testdata \) -prune -o \
    -type f ! -name '*_test.go' ! -name '*.md' -newer "$BIN" -print -quit)"
  [[ -z "$newer" ]]
}

mkdir -p "$ROOT/distribution"
exec 9>"$ROOT/distribution/.build.lock"
flock 9
# ems-archive is a plain Go command of this module; go build's cache makes
# this quick when nothing changed.
build_archive_cmd() {
  mkdir -p "$ROOT/distribution/_build"
  (cd "$ROOT" && CGO_ENABLED=0 go build -o distribution/_build/ems-archive ./cmd/ems-archive)
}
if [[ "${FORCE:-0}" != 1 ]] && fresh; then
  echo "otelcol-ems is up to date: $BIN" >&2
  build_archive_cmd
  exit 0
fi
cd "$ROOT"
CGO_ENABLED=0 "$OCB" --config builder-config.yaml
build_archive_cmd
echo "built $BIN" >&2
