package journal

import "errors"

// OpType is what an operation of a batch does.
type OpType int

// The operations a batch takes.
const (
	// OpGet reads a key; the batch fills Value (nil for a missing key).
	OpGet OpType = iota
	// OpSet writes Value under Key.
	OpSet
	// OpDelete removes Key; a missing key is not an error.
	OpDelete
)

// Op is one operation of a batch.
type Op struct {
	Type  OpType
	Key   string
	Value []byte
}

// ErrFull is returned, wrapped, when a batch would create a key while the
// size bound (Config.MaxBytes) or the free-space floor is reached.
var ErrFull = errors.New("the storage has run out of available space")

func opName(t OpType) string {
	switch t {
	case OpGet:
		return "get"
	case OpSet:
		return "set"
	case OpDelete:
		return "delete"
	}
	return "operation"
}
