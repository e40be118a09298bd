//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package localstoreextension provides the local_store extension: it owns
// the node's local unified stores (Badger databases of traces, logs and
// metrics) and serves their HTTP query API.
package localstoreextension
