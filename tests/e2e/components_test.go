//go:build integration

package e2e

import (
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/otelcol-ems/otelcol-ems/internal/components"
	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

type listed struct {
	Name   string `yaml:"name"`
	Module string `yaml:"module"`
}

type componentsOutput struct {
	Receivers  []listed `yaml:"receivers"`
	Processors []listed `yaml:"processors"`
	Exporters  []listed `yaml:"exporters"`
	Extensions []listed `yaml:"extensions"`
	Connectors []listed `yaml:"connectors"`
}

// `otelcol-ems components` must list every component of the manifest, and
// our own ones with the types the code defines.
func TestBinaryListsEveryComponent(t *testing.T) {
	out, err := exec.Command(harness.Binary(t), "components").Output()
	require.NoError(t, err)
	var got componentsOutput
	require.NoError(t, yaml.Unmarshal(out, &got))

	m, err := components.LoadManifest(filepath.Join(harness.RepoRoot(), "builder-config.yaml"))
	require.NoError(t, err)

	own := map[string][]string{}
	for _, f := range components.Receivers() {
		own["receivers"] = append(own["receivers"], f.Type().String())
	}
	for _, f := range components.Processors() {
		own["processors"] = append(own["processors"], f.Type().String())
	}
	for _, f := range components.Exporters() {
		own["exporters"] = append(own["exporters"], f.Type().String())
	}
	for _, f := range components.Extensions() {
		own["extensions"] = append(own["extensions"], f.Type().String())
	}
	for _, f := range components.Connectors() {
		own["connectors"] = append(own["connectors"], f.Type().String())
	}

	check := func(kind string, entries []components.ManifestEntry, list []listed) {
		// One manifest entry may carry several components of the same module
		// (an extension and an exporter of one package are separate entries).
		assert.Lenf(t, list, len(entries), "%s: manifest has %d entries, binary lists %d", kind, len(entries), len(list))
		modules := map[string]bool{}
		var ownNames []string
		for _, l := range list {
			modules[l.Module] = true
			if strings.HasPrefix(l.Module, "github.com/otelcol-ems/otelcol-ems") {
				ownNames = append(ownNames, l.Name)
			}
		}
		for _, e := range entries {
			assert.Truef(t, modules[e.GoMod], "%s: %q is in the manifest but not in the binary", kind, e.GoMod)
		}
		want := append([]string{}, own[kind]...)
		sort.Strings(want)
		sort.Strings(ownNames)
		if len(want) == 0 {
			want = nil
		}
		assert.Equalf(t, want, ownNames, "%s: own components in the binary", kind)
	}
	check("receivers", m.Receivers, got.Receivers)
	check("processors", m.Processors, got.Processors)
	check("exporters", m.Exporters, got.Exporters)
	check("extensions", m.Extensions, got.Extensions)
	check("connectors", m.Connectors, got.Connectors)
}
