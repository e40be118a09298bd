// Package badgerdb holds what every otelcol-ems component that owns a Badger
// database shares: memory-bounded options, a zap logger bridge and the
// durability policy (always, interval, never) with its group-commit loop.
package badgerdb
