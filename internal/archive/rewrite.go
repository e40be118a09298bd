package archive

import (
	"encoding/binary"
	"os"
)

// RewriteBlocks rewrites the record blocks of one segment file through fn,
// keeping each record's stored index and hash and fixing the checksums, as
// someone with write access but without the signing key could. It exists for
// tamper drills (tests and audits of the verifier); the archive never calls it.
func RewriteBlocks(path string, fn func(block int, recs []Record) []Record) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := scanBytes(data, 0)
	out := make([]byte, 0, len(data))
	block := 0
	for _, it := range s.items {
		if it.typ != frameBlock || it.bad != nil {
			out = append(out, data[it.off:it.off+it.size]...)
			continue
		}
		recs, err := blockRecords(it)
		if err != nil {
			return err
		}
		recs = fn(block, recs)
		block++
		var body []byte
		for _, r := range recs {
			body = appendRecord(body, r)
		}
		p := append([]byte(nil), it.payload[:blockHeadLen]...)
		binary.BigEndian.PutUint32(p[9:], uint32(len(recs)))
		enc := newEncoder()
		p = enc.EncodeAll(body, p)
		out = appendFrame(out, frameBlock, p)
	}
	out = append(out, data[s.validBytes:]...)
	return os.WriteFile(path, out, 0o600)
}
