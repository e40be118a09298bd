package badgerstorageextension

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"
	"go.opentelemetry.io/collector/confmap/confmaptest"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

func TestLoadConfig(t *testing.T) {
	cm, err := confmaptest.LoadConf(filepath.Join("testdata", "config.yaml"))
	require.NoError(t, err)

	tests := []struct {
		id      component.ID
		want    *Config
		wantErr []string
	}{
		{id: component.NewID(metadata.Type), want: createDefaultConfig()},
		{
			id: component.NewIDWithName(metadata.Type, "all"),
			want: &Config{
				Directory:    "/var/lib/otelcol-ems/queue",
				Durability:   badgerdb.DurabilityAlways,
				SyncInterval: 100 * time.Millisecond,
				MaxSizeMiB:   512,
				Reclaim:      ReclaimConfig{CheckInterval: 30 * time.Second, MinGarbageMiB: 16},
				Memory: badgerdb.MemoryConfig{
					MemTableSizeMiB: 8, NumMemtables: 3, BlockCacheSizeMiB: 0,
					IndexCacheSizeMiB: 8, ValueLogFileSizeMiB: 32,
				},
			},
		},
		{id: component.NewIDWithName(metadata.Type, "bad_durability"), wantErr: []string{`durability must be one of always, interval, never; got "sometimes"`}},
		{id: component.NewIDWithName(metadata.Type, "bad_interval"), wantErr: []string{"sync_interval must be positive"}},
		{id: component.NewIDWithName(metadata.Type, "bad_size"), wantErr: []string{"max_size_mib must not be negative", "directory must be set"}},
		{id: component.NewIDWithName(metadata.Type, "bad_memory"), wantErr: []string{"memory: num_memtables must be at least 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.id.String(), func(t *testing.T) {
			cfg := NewFactory().CreateDefaultConfig()
			sub, err := cm.Sub(tt.id.String())
			require.NoError(t, err)
			require.NoError(t, sub.Unmarshal(cfg))
			err = confmap.Validate(cfg)
			if tt.wantErr != nil {
				require.Error(t, err)
				for _, w := range tt.wantErr {
					require.ErrorContains(t, err, w)
				}
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, cfg)
		})
	}
}
