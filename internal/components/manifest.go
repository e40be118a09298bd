package components

import (
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// ManifestEntry is one component line of the ocb manifest.
type ManifestEntry struct {
	GoMod  string `yaml:"gomod"`
	Import string `yaml:"import"`
}

// Manifest is the part of builder-config.yaml that lists components.
type Manifest struct {
	Receivers  []ManifestEntry `yaml:"receivers"`
	Processors []ManifestEntry `yaml:"processors"`
	Exporters  []ManifestEntry `yaml:"exporters"`
	Extensions []ManifestEntry `yaml:"extensions"`
	Connectors []ManifestEntry `yaml:"connectors"`
	Replaces   []string        `yaml:"replaces"`
}

// ByKind returns the entries per component kind, keyed like ImportPaths.
func (m Manifest) ByKind() map[string][]ManifestEntry {
	return map[string][]ManifestEntry{
		"receivers":  m.Receivers,
		"processors": m.Processors,
		"exporters":  m.Exporters,
		"extensions": m.Extensions,
		"connectors": m.Connectors,
	}
}

// LoadManifest reads an ocb manifest such as builder-config.yaml.
func LoadManifest(path string) (Manifest, error) {
	var m Manifest
	raw, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
