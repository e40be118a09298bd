// Package semconvtest stands in for the contrib test helper of the same path,
// which the module proxy does not serve. Only the tests of the k8sattributes
// processor import it, so nothing of it reaches the otelcol-ems binary; it
// exists so that ocb's `go mod tidy` can resolve every import.
package semconvtest
