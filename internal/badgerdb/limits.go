package badgerdb

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MaxMiB is the largest size, in MiB, that a size setting accepts: 1 PiB.
// Sizes are turned into bytes with a shift by 20, which overflows int64 from
// 2^43 MiB; the bound keeps every product with a small factor safe too.
const MaxMiB int64 = 1 << 30

// CheckMiB returns an error naming field when v is outside [lo, hi] MiB.
func CheckMiB(field string, v, lo, hi int64) error { return CheckRange(field, v, lo, hi, " MiB") }

// CheckRange returns an error naming field when v is outside [lo, hi]; unit
// follows the bounds in the message.
func CheckRange(field string, v, lo, hi int64, unit string) error {
	if v < lo || v > hi {
		return fmt.Errorf("%s must be between %d and %d%s, got %d", field, lo, hi, unit, v)
	}
	return nil
}

// CheckOneOf returns an error naming field unless v is one of allowed, the
// policies of a string-valued setting.
func CheckOneOf[T ~string](field string, v T, allowed ...T) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return fmt.Errorf("%s must be one of %s; got %q", field, strings.Join(names, ", "), string(v))
}

// CheckDuration returns an error naming field when d is outside [lo, hi].
func CheckDuration(field string, d, lo, hi time.Duration) error {
	if d < lo || d > hi {
		return fmt.Errorf("%s must be between %s and %s, got %s", field, lo, hi, d)
	}
	return nil
}
