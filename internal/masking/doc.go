// Package masking finds and masks personal data and secrets in text.
//
// It is the engine behind the masking processor and has no collector types:
// built-in detectors are hand-written scanners that look only at a few
// trigger bytes ('@', '=', ':', word starts), so text with no candidates is
// scanned without allocating. User rules add RE2 patterns on top.
package masking
