package archive

import (
	"crypto/ed25519"
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

// ResignSeals rewrites every seal of one segment file through fn and signs
// it with key, fixing the checksums: the drill for a forger who replaces
// the signatures with a key of their own.
func ResignSeals(path string, key ed25519.PrivateKey, fn func(SealBody) SealBody) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	s := scanBytes(data, 0)
	out := make([]byte, 0, len(data))
	for _, it := range s.items {
		if it.typ != frameSeal || it.bad != nil {
			out = append(out, data[it.off:it.off+it.size]...)
			continue
		}
		body := fn(it.seal.Body)
		body.Key = FormatPublicKey(key.Public().(ed25519.PublicKey))
		ss, err := signSeal(body, key)
		if err != nil {
			return err
		}
		out = appendFrame(out, frameSeal, ss.Line())
	}
	out = append(out, data[s.validBytes:]...)
	return os.WriteFile(path, out, 0o600)
}
