# otelcol-ems: `make run` builds and starts the collector, `make test` runs
# every test (installing and starting the services the tests need).
SHELL := /usr/bin/env bash
GO ?= go
export PATH := $(PATH):/usr/local/go/bin:$(shell $(GO) env GOPATH 2>/dev/null)/bin
BIN := distribution/_build/otelcol-ems
CONFIG ?= distribution/config.yaml
BENCHTIME ?= 1s
TOOLS_MOD := $(CURDIR)/internal/tools/go.mod

.PHONY: all build run test test-unit test-e2e bench bench-memory lint generate services-up services-down clean

all: build

## build: assemble the distribution with ocb into distribution/_build
build:
	./distribution/build.sh

## run: build, then start the collector with distribution/config.yaml
run: build
	$(BIN) --config $(CONFIG)

## test: every test, unit and end to end; services are installed and started as needed
test:
	./tests/run.sh all

## test-unit: the tests of every package outside tests/
test-unit:
	./tests/run.sh unit

## test-e2e: the end-to-end tests against the built binary and real services
test-e2e:
	./tests/run.sh e2e

## bench: every Go benchmark (BENCHTIME=1s by default)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCHTIME) ./...

## bench-memory: the collector's RSS while the local store ingests 20k records/s (RSS_SECONDS=300)
RSS_SECONDS ?= 300
bench-memory: build
	EMS_LOCALSTORE_RSS_SECONDS=$(RSS_SECONDS) $(GO) test -count=1 -v -timeout 30m -run TestLocalStoreRSS ./tests/e2e/

## lint: golangci-lint with .golangci.yml (installed into GOPATH/bin when missing)
GOLANGCI_LINT_VERSION ?= v2.15.0
GOLANGCI_LINT := $(shell $(GO) env GOPATH 2>/dev/null)/bin/golangci-lint
lint:
	@if ! "$(GOLANGCI_LINT)" version 2>/dev/null | grep -q "version $(patsubst v%,%,$(GOLANGCI_LINT_VERSION))"; then \
		echo "installing golangci-lint $(GOLANGCI_LINT_VERSION)"; \
		$(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION); fi
	$(GOLANGCI_LINT) run ./...

## generate: regenerate internal/metadata packages with mdatagen (pinned in internal/tools)
generate:
	$(GO) generate ./...

services-up:
	./tests/services/all.sh start

services-down:
	./tests/services/all.sh stop

clean:
	rm -rf distribution/_build
