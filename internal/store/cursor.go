package store

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// Cursor is a position in the time order of records: a page continues after
// the record with this timestamp and sequence number.
type Cursor struct {
	TS  uint64
	Seq uint64
}

// ErrBadCursor reports a page token that this store did not make.
var ErrBadCursor = errors.New("page_token is not valid: pass the next_page_token of a previous answer unchanged")

// String encodes the cursor as an opaque page token.
func (c Cursor) String() string {
	b := binary.BigEndian.AppendUint64(nil, c.TS)
	b = binary.BigEndian.AppendUint64(b, c.Seq)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ParseCursor decodes a page token made by Cursor.String.
func ParseCursor(s string) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) != 16 {
		return Cursor{}, ErrBadCursor
	}
	return Cursor{TS: binary.BigEndian.Uint64(b), Seq: binary.BigEndian.Uint64(b[8:])}, nil
}

// seekFrom is the first (ts, seq) a scan must look at: after the cursor and
// not before start.
func seekFrom(start uint64, after *Cursor) (uint64, uint64) {
	if after == nil {
		return start, 0
	}
	if after.TS < start {
		return start, 0
	}
	if after.Seq == ^uint64(0) {
		return after.TS + 1, 0
	}
	return after.TS, after.Seq + 1
}
