package components

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ownModule = "github.com/otelcol-ems/otelcol-ems"

func loadManifest(t *testing.T) Manifest {
	t.Helper()
	m, err := LoadManifest(filepath.Join("..", "..", "builder-config.yaml"))
	require.NoError(t, err)
	return m
}

// ownImports returns the import paths of the manifest's entries that come
// from this module.
func ownImports(t *testing.T, kind string, entries []ManifestEntry) []string {
	t.Helper()
	out := []string{}
	for _, e := range entries {
		if !strings.HasPrefix(e.GoMod, ownModule+" ") {
			continue
		}
		require.NotEmptyf(t, e.Import, "builder-config.yaml %s: entry %q from this module needs an import: path", kind, e.GoMod)
		out = append(out, e.Import)
	}
	sort.Strings(out)
	return out
}

// The ocb manifest and the code's component list must name the same
// components: adding one in only one place fails here.
func TestManifestMatchesComponentList(t *testing.T) {
	m := loadManifest(t)
	code := ImportPaths()
	for kind, entries := range m.ByKind() {
		want := append([]string{}, code[kind]...)
		sort.Strings(want)
		assert.Equalf(t, want, ownImports(t, kind, entries),
			"%s: internal/components lists %v but builder-config.yaml imports %v", kind, want, ownImports(t, kind, entries))
	}
	assert.Contains(t, m.Replaces, ownModule+" v0.0.0 => ../../", "the manifest must build this module from the repo root")
}

func TestFactoriesHaveUniqueTypes(t *testing.T) {
	seen := map[string]bool{}
	check := func(kind, typ string) {
		key := kind + "/" + typ
		assert.Falsef(t, seen[key], "duplicate %s type %q", kind, typ)
		seen[key] = true
	}
	for _, f := range Receivers() {
		check("receiver", f.Type().String())
	}
	for _, f := range Processors() {
		check("processor", f.Type().String())
	}
	for _, f := range Exporters() {
		check("exporter", f.Type().String())
	}
	for _, f := range Extensions() {
		check("extension", f.Type().String())
	}
	for _, f := range Connectors() {
		check("connector", f.Type().String())
	}
}

func TestPackageOf(t *testing.T) {
	assert.Equal(t, "github.com/otelcol-ems/otelcol-ems/internal/components", packageOf(Receivers))
	assert.Equal(t, "strings", packageOf(strings.ToUpper))
}
