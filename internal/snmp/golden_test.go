package snmp

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/golden"
	"github.com/open-telemetry/opentelemetry-collector-contrib/pkg/pdatatest/pmetrictest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/snmp/snmpsim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// startSim serves the objects of walk files on a loopback responder.
func startSim(t testing.TB, walks ...string) ConnConfig {
	t.Helper()
	var pdus []gosnmp.SnmpPDU
	for _, w := range walks {
		f, err := os.Open(filepath.Join("testdata", w))
		require.NoError(t, err)
		p, err := snmpsim.ParseWalk(f)
		f.Close()
		require.NoError(t, err)
		pdus = append(pdus, p...)
	}
	r, err := snmpsim.StartResponder(map[string]*snmpsim.MIB{"public": snmpsim.NewMIB(pdus)}, 1)
	require.NoError(t, err)
	t.Cleanup(func() { _ = r.Close() })
	return ConnConfig{Endpoint: r.Endpoint(), Version: "v2c", Community: "public",
		Timeout: 2 * time.Second, Retries: 1, MaxRepetitions: 10, MaxOIDsPerRequest: 60}
}

// TestProfilesGolden evaluates each built-in profile (and a user profile)
// over recorded agent data and compares the metrics with testdata/golden.
func TestProfilesGolden(t *testing.T) {
	t.Parallel()
	custom, err := LoadProfileFile(filepath.Join("testdata", "ip_addresses.yaml"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		walk     string
		profiles []*Profile
	}{
		{"system", "netsnmp.walk", mustProfiles(t, "system")},
		{"if_mib", "netsnmp.walk", mustProfiles(t, "if_mib")},
		{"host_resources", "netsnmp.walk", mustProfiles(t, "host_resources")},
		{"ucd", "netsnmp.walk", mustProfiles(t, "ucd")},
		{"entity_sensor", "sensors.walk", mustProfiles(t, "entity_sensor")},
		{"ip_addresses", "netsnmp.walk", []*Profile{custom}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conn := startSim(t, tc.walk)
			p, err := NewPoller(Device{Conn: conn, Profiles: tc.profiles, ScopeName: "golden",
				Resource: map[string]any{"snmp.target": "sim"}})
			require.NoError(t, err)
			defer p.Close()
			got, _, err := p.Poll(context.Background(), time.Unix(1_700_000_000, 0))
			require.NoError(t, err)
			file := filepath.Join("testdata", "golden", tc.name+".yaml")
			if *update {
				require.NoError(t, golden.WriteMetrics(t, file, got))
			}
			want, err := golden.ReadMetrics(file)
			require.NoError(t, err)
			require.NoError(t, pmetrictest.CompareMetrics(want, got,
				pmetrictest.IgnoreMetricDataPointsOrder(), pmetrictest.IgnoreMetricsOrder(),
				// golden.WriteMetrics normalizes times; counter_test.go checks them.
				pmetrictest.IgnoreTimestamp(), pmetrictest.IgnoreStartTimestamp()))
		})
	}
}

// TestTooBigShrinksRepetitions serves the recorded agent from a responder
// that answers tooBig above 1,500 bytes: the walker asks for fewer rows and
// gets the same metrics as without the limit.
func TestTooBigShrinksRepetitions(t *testing.T) {
	t.Parallel()
	var pdus []gosnmp.SnmpPDU
	f, err := os.Open(filepath.Join("testdata", "netsnmp.walk"))
	require.NoError(t, err)
	pdus, err = snmpsim.ParseWalk(f)
	f.Close()
	require.NoError(t, err)
	r, err := snmpsim.StartResponder(map[string]*snmpsim.MIB{"public": snmpsim.NewMIB(pdus)}, 1)
	require.NoError(t, err)
	defer r.Close()
	conn := ConnConfig{Endpoint: r.Endpoint(), Version: "v2c", Community: "public",
		Timeout: 2 * time.Second, Retries: 0, MaxRepetitions: 50, MaxOIDsPerRequest: 60}
	poll := func() (int, int64) {
		p, err := NewPoller(Device{Conn: conn, Profiles: mustProfiles(t, "if_mib", "host_resources"), ScopeName: "x"})
		require.NoError(t, err)
		defer p.Close()
		md, st, err := p.Poll(context.Background(), time.Now())
		require.NoError(t, err)
		return md.DataPointCount(), st.PDUs
	}
	want, pdusUnlimited := poll()
	r.SetMaxMessageSize(1500)
	got, pdusLimited := poll()
	assert.Equal(t, want, got)
	assert.Greater(t, pdusLimited, pdusUnlimited)
}
