package archive

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
)

// publicKeyPrefix starts the text form of a public key: "ed25519:" and the
// key in standard base64.
const publicKeyPrefix = "ed25519:"

// FormatPublicKey returns the text form of a public key.
func FormatPublicKey(pub ed25519.PublicKey) string {
	return publicKeyPrefix + base64.StdEncoding.EncodeToString(pub)
}

// ParsePublicKey reads a public key in its text form, or from a file that
// holds it (its last word is the key, so keygen's output line works too).
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, publicKeyPrefix) {
		b, err := os.ReadFile(s)
		if err != nil {
			return nil, fmt.Errorf("public key %q: neither %s... nor a readable file: %w", s, publicKeyPrefix, err)
		}
		f := strings.Fields(string(b))
		if len(f) == 0 {
			return nil, fmt.Errorf("public key file %s is empty", s)
		}
		s = f[len(f)-1]
	}
	return parseKeyText(s)
}

// parseKeyText reads only the text form, never a file.
func parseKeyText(s string) (ed25519.PublicKey, error) {
	if !strings.HasPrefix(s, publicKeyPrefix) {
		return nil, fmt.Errorf("public key %q does not start with %s", s, publicKeyPrefix)
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, publicKeyPrefix))
	if err != nil || len(raw) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("public key %q is not an %s key of %d bytes", s, publicKeyPrefix, ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(raw), nil
}

// GenerateKey writes a new Ed25519 private key to path as PKCS#8 PEM (mode
// 0600, refusing to overwrite) and returns its public half.
func GenerateKey(path string) (ed25519.PublicKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der}); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	return pub, f.Close()
}

// LoadPrivateKey reads a PKCS#8 PEM Ed25519 private key. Errors name the
// file, never its content.
func LoadPrivateKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("signing key: %w", err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("signing key %s: not a PEM \"PRIVATE KEY\" block (create one with ems-archive keygen)", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: not PKCS#8", path)
	}
	priv, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, errors.New("signing key " + path + ": not an Ed25519 key")
	}
	return priv, nil
}
