//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package maskingprocessor masks personal data and secrets in every signal
// with the internal/masking engine.
package maskingprocessor
