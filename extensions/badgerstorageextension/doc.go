//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package badgerstorageextension provides badger_storage, a storage extension
// that keeps components' state (above all exporterhelper's persistent sending
// queue) in one Badger database, with a durability policy, a size bound and
// space that comes back after a backlog drains.
package badgerstorageextension
