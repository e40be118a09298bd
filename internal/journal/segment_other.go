//go:build !unix

package journal

import "os"

// mapSegment is not used where memory maps are not portable: segments are
// written with WriteAt instead.
func mapSegment(*os.File, int) ([]byte, error) { return nil, nil }

func unmapSegment([]byte) error { return nil }
