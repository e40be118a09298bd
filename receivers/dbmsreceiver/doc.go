//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package dbmsreceiver monitors many PostgreSQL and MySQL/MariaDB servers
// from one receiver: metrics under contrib's names, query samples and top
// queries as logs. It adapts internal/dbms (the engine) and
// internal/targetpoll (scheduling) to the collector.
package dbmsreceiver
