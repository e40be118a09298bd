// Package masking finds and masks personal data and secrets in text.
//
// It is the engine behind the masking processor and has no collector types:
// built-in detectors are hand-written scanners that look only at a few
// trigger bytes ('@', '=', ':', '%', word starts), so text with no
// candidates is scanned without allocating. A context layer shared by the
// detectors reads the key of a value (attribute and map keys, key=value,
// JSON, SQL columns, XML elements) and the label words before it, from
// vocabularies that are data (Config.SecretKeys, TokenKeys, BankKeys).
// User rules add RE2 patterns on top.
package masking
