package badgerstorageextension

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

func TestLoadConfig(t *testing.T) {
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
		{id: component.NewIDWithName(metadata.Type, "bad_interval"), wantErr: []string{"sync_interval must be between 1ms and 1h0m0s"}},
		{id: component.NewIDWithName(metadata.Type, "bad_size"), wantErr: []string{"max_size_mib must be between 0 and 1073741824 MiB, got -1", "directory must be set"}},
		// Sizes that overflowed when turned into bytes passed before (#10 item 5).
		{id: component.NewIDWithName(metadata.Type, "overflow"), wantErr: []string{
			"max_size_mib must be between 0 and 1073741824 MiB, got 17592186044417",
			"min_free_mib must be between 0 and 1073741824 MiB, got 8796093022208",
			"sync_interval must be between 1ms and 1h0m0s, got -100ms",
			"reclaim::check_interval must be between 1ms and 24h0m0s, got -1s",
			"memory: memtable_size_mib must be between 1 and 1023 MiB, got 17592186044417",
			"value_log_file_size_mib must be between 1 and 1023 MiB, got 4096",
		}},
		{id: component.NewIDWithName(metadata.Type, "bad_memory"), wantErr: []string{"memory: num_memtables must be between 1 and 64, got 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.id.String(), func(t *testing.T) {
			cfg := testutil.LoadConfig[*Config](t, NewFactory(), tt.id.Name())
			err := confmap.Validate(cfg)
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
