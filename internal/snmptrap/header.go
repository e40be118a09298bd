package snmptrap

import (
	"errors"
)

// header is what the receiver needs from a message before the expensive
// work (authentication, decryption, full decoding): the version and either
// the community or the USM parameters. Parsing it allocates nothing; the
// byte slices point into the message.
type header struct {
	version   int
	community []byte

	msgFlags      byte
	securityModel int
	engineID      []byte
	engineBoots   int64
	engineTime    int64
	userName      []byte
}

const (
	tagInteger  = 0x02
	tagOctets   = 0x04
	tagSequence = 0x30

	flagAuth       = 0x01
	flagPriv       = 0x02
	flagReportable = 0x04

	securityModelUSM = 3
)

var errMalformed = errors.New("malformed message")

// tlv reads one BER tag-length-value from b.
func tlv(b []byte) (tag byte, val, rest []byte, err error) {
	if len(b) < 2 {
		return 0, nil, nil, errMalformed
	}
	tag = b[0]
	n := int(b[1])
	b = b[2:]
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < k {
			return 0, nil, nil, errMalformed
		}
		n = 0
		for _, c := range b[:k] {
			n = n<<8 | int(c)
		}
		b = b[k:]
	}
	if n < 0 || n > len(b) {
		return 0, nil, nil, errMalformed
	}
	return tag, b[:n], b[n:], nil
}

func expect(b []byte, want byte) (val, rest []byte, err error) {
	tag, val, rest, err := tlv(b)
	if err != nil {
		return nil, nil, err
	}
	if tag != want {
		return nil, nil, errMalformed
	}
	return val, rest, nil
}

func integer(b []byte) (int64, []byte, error) {
	val, rest, err := expect(b, tagInteger)
	if err != nil || len(val) == 0 || len(val) > 8 {
		return 0, nil, errMalformed
	}
	v := int64(int8(val[0]))
	for _, c := range val[1:] {
		v = v<<8 | int64(c)
	}
	return v, rest, nil
}

// parseHeader reads the message header.
func parseHeader(msg []byte, h *header) error {
	body, _, err := expect(msg, tagSequence)
	if err != nil {
		return err
	}
	v, body, err := integer(body)
	if err != nil {
		return err
	}
	h.version = int(v)
	switch v {
	case 0, 1: // v1, v2c
		h.community, _, err = expect(body, tagOctets)
		return err
	case 3:
		return parseV3Header(body, h)
	}
	return errMalformed
}

func parseV3Header(body []byte, h *header) error {
	global, body, err := expect(body, tagSequence)
	if err != nil {
		return err
	}
	if _, global, err = integer(global); err != nil { // msgID
		return err
	}
	if _, global, err = integer(global); err != nil { // msgMaxSize
		return err
	}
	flags, global, err := expect(global, tagOctets)
	if err != nil || len(flags) != 1 {
		return errMalformed
	}
	h.msgFlags = flags[0]
	model, _, err := integer(global)
	if err != nil {
		return err
	}
	h.securityModel = int(model)
	sec, _, err := expect(body, tagOctets)
	if err != nil {
		return err
	}
	if h.securityModel != securityModelUSM {
		return nil
	}
	usm, _, err := expect(sec, tagSequence)
	if err != nil {
		return err
	}
	if h.engineID, usm, err = expect(usm, tagOctets); err != nil {
		return err
	}
	if h.engineBoots, usm, err = integer(usm); err != nil {
		return err
	}
	if h.engineTime, usm, err = integer(usm); err != nil {
		return err
	}
	h.userName, _, err = expect(usm, tagOctets)
	return err
}
