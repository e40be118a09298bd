// Package archive is a tamper-evident, append-only archive of log records:
// segments of SHA-256-chained records, sealed by Ed25519-signed checkpoints,
// with a verifier that names the place of any modification, removal,
// reordering or truncation. It has no collector types; the archive exporter
// adapts it. The on-disk format is documented in the archive exporter
// README, so an auditor can verify an archive without this code.
package archive
