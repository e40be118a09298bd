package badgerdb

import (
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/stretchr/testify/require"
)

// encodeLogEntry writes an entry the way badger does, for the tests.
func encodeLogEntry(meta byte, key, value []byte) []byte {
	b := []byte{meta, 0}
	b = binary.AppendUvarint(b, uint64(len(key)))
	b = binary.AppendUvarint(b, uint64(len(value)))
	b = binary.AppendUvarint(b, 0)
	b = append(b, key...)
	b = append(b, value...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

func TestDecodeLogEntry(t *testing.T) {
	buf := encodeLogEntry(metaDelete, []byte("key12345678"), []byte("value"))
	e, n, ok := decodeLogEntry(buf)
	require.True(t, ok)
	require.Equal(t, len(buf), n)
	require.Equal(t, "key12345678", string(e.key))
	require.Equal(t, "value", string(e.value))
	require.Equal(t, metaDelete, e.meta)

	buf[len(buf)-6] ^= 0xff // damage the value: the checksum must catch it
	_, _, ok = decodeLogEntry(buf)
	require.False(t, ok)
	_, _, ok = decodeLogEntry(buf[:len(buf)-3]) // torn
	require.False(t, ok)
	_, _, ok = decodeLogEntry(make([]byte, 64)) // zeroed space
	require.False(t, ok)
}

func FuzzDecodeLogEntry(f *testing.F) {
	f.Add(encodeLogEntry(0, []byte("key12345678"), []byte("value")))
	f.Add([]byte{0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x01, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		e, n, ok := decodeLogEntry(b)
		if ok {
			require.LessOrEqual(t, n, len(b))
			require.NotEmpty(t, e.key)
		}
	})
}
