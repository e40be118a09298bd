//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package alertmanagerexporter delivers the threshold connector's alert
// events to Prometheus Alertmanager's v2 API, re-sending firing and resolved
// alerts like Prometheus does, to every configured Alertmanager.
package alertmanagerexporter
