package localstoreextension

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/confmap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// Configurations that passed validation and failed only at start, or not
// at all (issue 10 items 5, 6 and 7).

func TestConfigOverflowingSizesAndNegativeDurations(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "overflow"))
	require.Error(t, err)
	for _, want := range []string{
		// 17592186044417 MiB became 1 MiB at start; 8796093022208 negative.
		"max_size_mib must be between 0 and 1073741824 MiB, got 17592186044417",
		"min_free_mib must be between 0 and 1073741824 MiB, got 8796093022208",
		"sync_interval must be between 1ms and 1h0m0s, got -100ms",
		"check_interval must be between 1ms and 24h0m0s, got -1s",
		"max_age::traces must be between 1s and 87600h0m0s, got 1000000h0m0s",
	} {
		assert.Contains(t, err.Error(), want)
	}
}

func TestConfigNestedStoreDirectories(t *testing.T) {
	t.Parallel()
	err := confmap.Validate(loadConfig(t, "nested"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `stores::outer::directory /data/stores contains the directory of store "inner" (/data/stores/inner)`)
}

// validStores returns a config whose stores are in dirs, by name.
func validStores(dirs map[string]string) *Config {
	cfg := createDefaultConfig().(*Config)
	for name, dir := range dirs {
		sc := newDefaultStoreConfig()
		sc.Directory = dir
		cfg.Stores[name] = sc
	}
	return cfg
}

func TestConfigDirectoriesOnDisk(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	other := filepath.Join(root, "queue")
	require.NoError(t, os.Mkdir(other, 0o750))
	// badger_storage claims its directory the way it does at start.
	release, err := badgerdb.Claim(other, badgerdb.KindBadgerStorage, "badger_storage")
	require.NoError(t, err)
	release()
	link := filepath.Join(root, "link")
	require.NoError(t, os.Symlink(other, link))
	store := filepath.Join(root, "store")
	require.NoError(t, os.Mkdir(store, 0o750))
	storeLink := filepath.Join(root, "store-link")
	require.NoError(t, os.Symlink(store, storeLink))

	tests := []struct {
		name string
		dirs map[string]string
		want string
	}{
		{"badger_storage's directory", map[string]string{"a": other}, "holds a badger_storage database"},
		{"a symlink to badger_storage's directory", map[string]string{"a": link}, "holds a badger_storage database"},
		{"inside badger_storage's directory", map[string]string{"a": filepath.Join(other, "store")}, "is inside the badger_storage database at " + other},
		{"a symlink to another store", map[string]string{"a": store, "b": storeLink}, "is the directory of store"},
		{"a directory holding badger_storage's", map[string]string{"a": root}, "contains the badger_storage database at " + other},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validStores(tt.dirs).Validate()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	require.NoError(t, validStores(map[string]string{"a": store, "b": filepath.Join(root, "store2")}).Validate())
}

func TestConfigEmptyBearerTokenIsAnError(t *testing.T) {
	t.Parallel()
	load := func(raw map[string]any) error {
		cfg := createDefaultConfig().(*Config)
		require.NoError(t, confmap.NewFromStringMap(raw).Unmarshal(cfg))
		return confmap.Validate(cfg)
	}
	stores := map[string]any{"default": map[string]any{"directory": filepath.Join(t.TempDir(), "s")}}
	// ${env:UNSET} resolves to nothing: the key is there, the value empty.
	for _, empty := range []any{nil, ""} {
		err := load(map[string]any{"bearer_token": empty, "stores": stores})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "bearer_token is present but empty")
	}
	require.NoError(t, load(map[string]any{"stores": stores}), "no key: no authentication, as documented")
	require.NoError(t, load(map[string]any{"bearer_token": "t0ken", "stores": stores}))
}
