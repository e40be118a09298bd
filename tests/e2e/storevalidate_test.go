//go:build integration

package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Configurations that passed `validate` and failed only at start, or not
// at all (issue 10 items 5, 6 and 7), checked with the built binary.
func TestStoreValidateRefuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "shared")
	withQueue := func(storeYAML, queueDir string) string {
		cfg := localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), storeYAML)
		cfg = strings.Replace(cfg, "  local_store:\n", fmt.Sprintf("  badger_storage:\n    directory: %s\n  local_store:\n", queueDir), 1)
		return strings.Replace(cfg, "extensions: [health_check, local_store]", "extensions: [health_check, local_store, badger_storage]", 1)
	}
	for _, tc := range []struct {
		name, config string
		env          []string
		want         string
	}{
		{"a store and badger_storage on one directory", withQueue("", dir), []string{"EMS_STORE_DIR=" + dir},
			"is the directory of (a badger_storage|local_store store)"}, // whichever is validated second names the other
		{"badger_storage inside a store", withQueue("", filepath.Join(dir, "queue")), []string{"EMS_STORE_DIR=" + dir},
			"(contains|is inside) the directory of"},
		{"an unset bearer token", strings.Replace(localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), ""), "    stores:\n", "    bearer_token: ${env:EMS_TOKEN_NOT_SET}\n    stores:\n", 1),
			[]string{"EMS_STORE_DIR=" + dir}, "bearer_token is present but empty"},
		{"an overflowing size", localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), "        max_size_mib: 17592186044417"),
			[]string{"EMS_STORE_DIR=" + dir}, `max_size_mib must be between 0 and 1073741824 MiB, got 17592186044417`},
		{"a negative duration", localStoreConfig(harness.FreeAddr(t), harness.FreeAddr(t), "        sync_interval: -100ms"),
			[]string{"EMS_STORE_DIR=" + dir}, `sync_interval must be between 1ms and 1h0m0s, got -100ms`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := harness.Validate(t, tc.config, tc.env...)
			assert.NotZero(t, code, out)
			assert.Regexp(t, tc.want, out)
		})
	}
}
