package archive

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Seal reasons.
const (
	ReasonInterval = "interval"
	ReasonShutdown = "shutdown"
	ReasonSegment  = "segment"  // the segment is full; the next one starts
	ReasonStart    = "start"    // written at start for records not yet sealed, or a recovery
	ReasonDeletion = "deletion" // retention removed segments
	ReasonRotation = "rotation" // hands over to NextKey
)

// SealBody is the signed content of a seal. Its JSON encoding, exactly as
// stored, is what the signature covers.
type SealBody struct {
	Version int    `json:"v"`
	Seq     uint64 `json:"seq"`
	// Segment is the segment the seal is stored in.
	Segment uint64 `json:"segment"`
	// Records is the number of records chained so far (the index of the
	// next record); Head is the chain hash of the last of them.
	Records uint64 `json:"records"`
	Head    string `json:"head"`
	// From and To bound the arrival times (unix ns) of the records since the
	// previous seal (0 when there were none).
	From int64 `json:"from"`
	To   int64 `json:"to"`
	// PrevSeal is the hash of the previous seal's line ("" for the first).
	PrevSeal string `json:"prev_seal"`
	Time     int64  `json:"time"`
	Reason   string `json:"reason"`
	// Key is the signer; NextKey, when set, is the only key allowed to sign
	// the next seal.
	Key     string `json:"key"`
	NextKey string `json:"next_key,omitempty"`
	// Deleted lists segments removed by retention, with where the chain
	// stood at the end of each.
	Deleted []DeletedSegment `json:"deleted,omitempty"`
	// Recovered reports a torn tail found at start.
	Recovered *Recovery `json:"recovered,omitempty"`
}

// DeletedSegment names a segment that retention removed.
type DeletedSegment struct {
	Segment    uint64 `json:"segment"`
	FirstIndex uint64 `json:"first_index"`
	Records    uint64 `json:"records"` // index after the segment's last record
	Head       string `json:"head"`
	LastTime   int64  `json:"last_time"`
}

// Recovery describes a torn tail: segment Segment is valid up to ValidBytes,
// followed by TornBytes that are not part of the archive.
type Recovery struct {
	Segment    uint64 `json:"segment"`
	ValidBytes int64  `json:"valid_bytes"`
	TornBytes  int64  `json:"torn_bytes"`
	Reason     string `json:"reason"`
}

// SignedSeal is a seal as stored: the body's JSON bytes and the signature.
// Its text line is `BODY_JSON SPACE BASE64(signature)`.
type SignedSeal struct {
	Body SealBody
	Raw  []byte // the body's JSON, exactly as signed
	Sig  []byte
}

// signSeal encodes and signs body.
func signSeal(body SealBody, priv ed25519.PrivateKey) (SignedSeal, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return SignedSeal{}, err
	}
	return SignedSeal{Body: body, Raw: raw, Sig: ed25519.Sign(priv, append([]byte(sealDomain), raw...))}, nil
}

// Line returns the seal's text line (without a newline).
func (s SignedSeal) Line() []byte {
	out := make([]byte, 0, len(s.Raw)+90)
	out = append(out, s.Raw...)
	out = append(out, ' ')
	return append(out, base64.StdEncoding.EncodeToString(s.Sig)...)
}

// Hash is the SHA-256 of the seal's line; the next seal names it.
func (s SignedSeal) Hash() string {
	h := sha256.Sum256(s.Line())
	return hex.EncodeToString(h[:])
}

// ParseSealLine reads a seal's text line.
func ParseSealLine(line []byte) (SignedSeal, error) {
	line = bytes.TrimSpace(line)
	i := bytes.LastIndexByte(line, ' ')
	if i < 0 {
		return SignedSeal{}, errors.New("seal line has no signature")
	}
	sig, err := base64.StdEncoding.DecodeString(string(line[i+1:]))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return SignedSeal{}, errors.New("seal signature is not base64 Ed25519")
	}
	s := SignedSeal{Raw: append([]byte(nil), line[:i]...), Sig: sig}
	dec := json.NewDecoder(bytes.NewReader(s.Raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s.Body); err != nil {
		return SignedSeal{}, fmt.Errorf("seal body: %w", err)
	}
	return s, nil
}

// checkSignature verifies the seal against its own Key.
func (s SignedSeal) checkSignature() error {
	pub, err := parseKeyText(s.Body.Key)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, append([]byte(sealDomain), s.Raw...), s.Sig) {
		return errors.New("bad signature")
	}
	return nil
}
