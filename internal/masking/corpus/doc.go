// Package corpus generates realistic log lines with ground truth for the
// masking engine: every sensitive value planted in a line, by detector, and
// every look-alike (versions, OIDs, timestamps, UUIDs, Luhn-failing numbers,
// order ids) that must come through unchanged.
package corpus
