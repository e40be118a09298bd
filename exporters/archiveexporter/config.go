package archiveexporter

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/otelcol-ems/otelcol-ems/internal/archive"
)

// Config is the archive exporter's configuration.
type Config struct {
	// Directory holds the segments.
	Directory string `mapstructure:"directory"`
	// SigningKeyFile is the Ed25519 private key (PKCS#8 PEM, from
	// `ems-archive keygen`) that signs seals.
	SigningKeyFile string `mapstructure:"signing_key_file"`
	// PreviousSigningKeyFile, during a key rotation, is the key the archive
	// was last sealed with; it signs the hand-over to SigningKeyFile.
	PreviousSigningKeyFile string `mapstructure:"previous_signing_key_file"`
	// SealInterval is the longest time between two seals while records
	// arrive; a seal is also written at shutdown.
	SealInterval time.Duration `mapstructure:"seal_interval"`
	// SegmentMaxMiB starts a new segment when one reaches this size.
	SegmentMaxMiB int `mapstructure:"segment_max_mib"`
	// Retention removes whole segments whose newest record is older, after
	// a signed deletion record (0 keeps everything).
	Retention time.Duration `mapstructure:"retention"`
	// Durability is always (fsync before the export call returns) or
	// interval (written before it returns, synced every SyncInterval).
	Durability string `mapstructure:"durability"`
	// SyncInterval is the group-commit period of durability: interval.
	SyncInterval time.Duration `mapstructure:"sync_interval"`
	// WitnessDir receives a copy of every seal, ideally on another volume.
	WitnessDir string `mapstructure:"witness_dir"`
}

const maxSegmentMiB = 4096

// Validate checks the configuration, naming the field at fault.
func (c *Config) Validate() error {
	var errs []error
	if c.Directory == "" {
		errs = append(errs, errors.New("directory: required"))
	}
	if c.SigningKeyFile == "" {
		errs = append(errs, errors.New("signing_key_file: required (create a key with `ems-archive keygen --out FILE`)"))
	}
	if c.SealInterval < time.Second {
		errs = append(errs, fmt.Errorf("seal_interval: %v is below 1s", c.SealInterval))
	}
	if c.SegmentMaxMiB < 1 || c.SegmentMaxMiB > maxSegmentMiB {
		errs = append(errs, fmt.Errorf("segment_max_mib: %d is not between 1 and %d", c.SegmentMaxMiB, maxSegmentMiB))
	}
	if c.Retention < 0 {
		errs = append(errs, fmt.Errorf("retention: %v is negative (0 keeps everything)", c.Retention))
	} else if c.Retention > 0 && c.Retention < c.SealInterval {
		errs = append(errs, fmt.Errorf("retention: %v is shorter than seal_interval %v", c.Retention, c.SealInterval))
	}
	if _, err := c.durability(); err != nil {
		errs = append(errs, err)
	}
	if c.SyncInterval <= 0 {
		errs = append(errs, fmt.Errorf("sync_interval: %v must be positive", c.SyncInterval))
	}
	if c.WitnessDir != "" && c.Directory != "" && within(c.WitnessDir, c.Directory) {
		errs = append(errs, fmt.Errorf("witness_dir: %s is inside directory %s; a witness must live outside the archive", c.WitnessDir, c.Directory))
	}
	return errors.Join(errs...)
}

func (c *Config) durability() (archive.Durability, error) {
	switch c.Durability {
	case "always":
		return archive.Always, nil
	case "interval":
		return archive.Interval, nil
	}
	return 0, fmt.Errorf("durability: %q is not always or interval", c.Durability)
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(filepath.Clean(dir), filepath.Clean(path))
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
}
