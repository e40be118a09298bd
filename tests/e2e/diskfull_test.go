//go:build integration

package e2e

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// Full-disk tests (issue 10 item 1): each store lives on a small tmpfs of
// its own, which the store itself or another file fills. The collector must
// stay up, refuse writes (retryably) while the free space is below the
// floor, log that once, resume when space returns, and keep every record it
// acknowledged. They need root, for mount(8), as make test runs.

// smallStoreMemory keeps Badger's own writes small enough for a 64 MiB disk:
// the default free-space floor follows from these settings (42 MiB here).
const smallStoreMemory = `        memory: {memtable_size_mib: 1, num_memtables: 2, value_log_file_size_mib: 1}`

// tmpfs mounts a tmpfs of sizeMiB under a fresh directory and unmounts it
// when the test ends.
func tmpfs(t *testing.T, sizeMiB int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	require.NoError(t, os.Mkdir(dir, 0o750))
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%dm", sizeMiB), "tmpfs", dir).CombinedOutput()
	require.NoError(t, err, "mounting a tmpfs needs root (make test runs as root): %s", out)
	t.Cleanup(func() {
		// The collector is killed by its own cleanup, registered later and so
		// run earlier; a lazy unmount covers a process still exiting.
		_ = exec.Command("umount", "-l", dir).Run()
	})
	return dir
}

// resize changes the size of the tmpfs at dir: space returns.
func resize(t *testing.T, dir string, sizeMiB int) {
	t.Helper()
	out, err := exec.Command("mount", "-o", fmt.Sprintf("remount,size=%dm", sizeMiB), dir).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// fill writes the file name in dir until the filesystem has no block left.
func fill(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	require.NoError(t, err)
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	for {
		if _, err := f.Write(chunk); err != nil {
			require.ErrorIs(t, err, syscall.ENOSPC)
			break
		}
	}
	for small := chunk[:512]; ; { // the last partial blocks
		if _, err := f.Write(small); err != nil {
			break
		}
	}
	var st syscall.Statfs_t
	require.NoError(t, syscall.Statfs(dir, &st))
	t.Logf("filled %s: %d bytes free", dir, st.Bavail*uint64(st.Bsize)) //nolint:unconvert
	return path
}

// freeMiB is the free space of the filesystem holding dir.
func freeMiB(t *testing.T, dir string) float64 {
	t.Helper()
	var st syscall.Statfs_t
	require.NoError(t, syscall.Statfs(dir, &st))
	return float64(st.Bavail*uint64(st.Bsize)) / (1 << 20)
}

// batchRecords is the size of one request: about 270 KB.
const batchRecords = 1000

// acked is what the collector accepted: batch numbers of fill-N services.
type acked []int

// sendUntilRefused sends batches numbered from next on until the
// collector refuses refusals of them; it returns the accepted ones.
func sendUntilRefused(t *testing.T, client *harness.OTLPClient, c *harness.Collector, disk string, next, refusals int) (acked, int) {
	t.Helper()
	var ok acked
	refused := 0
	for ; refused < refusals; next++ {
		require.Less(t, next, 5000, "the collector never refused a write")
		require.True(t, c.Running(), "the collector died")
		if err := client.SendLogs(bigLogs(fmt.Sprintf("fill-%d", next), batchRecords, next)); err != nil {
			require.NotContains(t, err.Error(), "Unimplemented")
			refused++
			time.Sleep(50 * time.Millisecond)
			continue
		}
		ok = append(ok, next)
	}
	t.Logf("%d batches accepted, then %d refused; %.1f MiB free", len(ok), refused, freeMiB(t, disk))
	return ok, next
}

// requireStored checks that every acknowledged batch is in the store, whole.
// It pages once through all the logs and counts each batch's distinct
// records: one query per batch scanned the whole bucket each time, and the
// store holds hundreds of batches.
func requireStored(t *testing.T, q queryAPI, batches acked) {
	t.Helper()
	seen := map[int]map[int]bool{}
	token := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10000, "paging never ends")
		var p dataPage
		path := "/api/v1/logs?limit=1000&start=-1h"
		if token != "" {
			path += "&page_token=" + token
		}
		require.Equal(t, http.StatusOK, q.get(t, path, &p), p.Error)
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(p.Data)
		require.NoError(t, err)
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			sls := ld.ResourceLogs().At(i).ScopeLogs()
			for j := 0; j < sls.Len(); j++ {
				lrs := sls.At(j).LogRecords()
				for k := 0; k < lrs.Len(); k++ {
					var b, r int
					_, err := fmt.Sscanf(lrs.At(k).Body().Str(), "batch %d record %d:", &b, &r)
					require.NoError(t, err, "body %q", lrs.At(k).Body().Str())
					if seen[b] == nil {
						seen[b] = map[int]bool{}
					}
					seen[b][r] = true
				}
			}
		}
		if token = p.NextPageToken; token == "" {
			break
		}
	}
	for _, b := range batches {
		require.Len(t, seen[b], batchRecords, "acknowledged batch %d is not all there", b)
	}
}

func TestDiskFullLocalStoreFilledByItself(t *testing.T) {
	disk := tmpfs(t, 64)
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	c := harness.StartCollector(t, localStoreConfig(in, api, smallStoreMemory), "EMS_STORE_DIR="+filepath.Join(disk, "store"))
	client := harness.NewOTLPClient(t, in)
	q := queryAPI{base: "http://" + api}

	ok, next := sendUntilRefused(t, client, c, disk, 0, 5)
	require.NotEmpty(t, ok)
	time.Sleep(2 * time.Second) // Badger's flushes and compactions settle
	require.True(t, c.Running(), "the collector died of a full disk")
	assert.Equal(t, 1, strings.Count(c.Output(), "Free disk space is below the floor"), "logged once")
	assert.Positive(t, c.Metric(t, "otelcol_local_store_writes_refused", nil), "refusals are counted")
	requireStored(t, q, ok)

	// Space returns: writes resume.
	resize(t, disk, 128)
	require.Eventually(t, func() bool {
		return client.SendLogs(bigLogs(fmt.Sprintf("fill-%d", next), batchRecords, next)) == nil
	}, 20*time.Second, 200*time.Millisecond, "writes resume when space returns")
	ok = append(ok, next)
	assert.Contains(t, c.Output(), "Free disk space is back above the floor")
	requireStored(t, q, ok)

	// Filled again, a restart on the nearly full disk comes up and loses
	// nothing.
	more, _ := sendUntilRefused(t, client, c, disk, next+1, 3)
	ok = append(ok, more...)
	time.Sleep(time.Second)
	t.Logf("%.1f MiB free before the restart", freeMiB(t, disk))
	require.Equal(t, 0, c.Stop())
	t.Logf("%.1f MiB free after the stop", freeMiB(t, disk))
	c.Start(t)
	requireStored(t, q, ok)
}

func TestDiskFullLocalStoreFilledByAnotherFile(t *testing.T) {
	disk := tmpfs(t, 64)
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	env := "EMS_STORE_DIR=" + filepath.Join(disk, "store")
	c := harness.StartCollector(t, localStoreConfig(in, api, smallStoreMemory), env)
	client := harness.NewOTLPClient(t, in)
	q := queryAPI{base: "http://" + api}
	var ok acked
	for i := range 5 {
		require.NoError(t, client.SendLogs(bigLogs(fmt.Sprintf("fill-%d", i), batchRecords, i)))
		ok = append(ok, i)
	}

	filler := fill(t, disk, "filler")
	more, next := sendUntilRefused(t, client, c, disk, 5, 5)
	ok = append(ok, more...)
	time.Sleep(time.Second)
	require.True(t, c.Running(), "the collector died when another file filled the disk")
	requireStored(t, q, ok)

	// Killed (as an OOM kill or a node drain past its grace period would)
	// and restarted while the disk is full, it comes up at once; the store
	// waits for space instead of faulting in Badger's recovery, writes and
	// queries are refused retryably meanwhile, and it opens once the file is
	// gone. (A graceful stop is not asserted here: Badger's final memtable
	// flush can fault when another process holds every block; see the
	// README's limits.)
	c.Kill()
	filler2 := fill(t, disk, "filler2") // what the reserve gave back, too
	c.Start(t)
	assert.Contains(t, c.Output(), "Not enough free disk space to open the database safely; waiting for space")
	require.Error(t, client.SendLogs(bigLogs(fmt.Sprintf("fill-%d", next), batchRecords, next)), "refused while the store waits")
	var e map[string]string
	assert.Equal(t, http.StatusServiceUnavailable, q.get(t, "/api/v1/logs", &e))
	assert.Contains(t, e["error"], "waiting for free disk space")
	require.True(t, c.Running())

	require.NoError(t, os.Remove(filler))
	require.NoError(t, os.Remove(filler2))
	require.Eventually(t, func() bool {
		return client.SendLogs(bigLogs(fmt.Sprintf("fill-%d", next), batchRecords, next)) == nil
	}, 30*time.Second, 200*time.Millisecond, "writes resume when space returns")
	requireStored(t, q, append(ok, next))
}

// TestDiskFullBadgerStorage fills a forwarding queue's tmpfs while the
// backend is down; once space and the backend return, every acknowledged
// record arrives.
func TestDiskFullBadgerStorage(t *testing.T) {
	disk := tmpfs(t, 64)
	be := newBackend(t, true)
	in := harness.FreeAddr(t)
	cfg := forwardingConfig(in, be.addr, "interval", "0", "1s")
	cfg = strings.Replace(cfg, "directory: ${env:EMS_DIR}/queue", "directory: "+filepath.Join(disk, "queue"), 1)
	cfg = strings.Replace(cfg, "      value_log_file_size_mib: 16", "      memtable_size_mib: 1\n      num_memtables: 2\n      value_log_file_size_mib: 1", 1)
	c := harness.StartCollector(t, cfg)
	client := harness.NewOTLPClient(t, in)

	sent, refused := 0, 0
	for refused < 5 {
		require.Less(t, sent, 2_000_000, "the queue never refused a write")
		require.True(t, c.Running(), "the collector died")
		if err := client.SendLogs(logsWithIDs(sent, 500, 200)); err != nil {
			refused++
			time.Sleep(50 * time.Millisecond)
			continue
		}
		sent += 500
	}
	t.Logf("%d records queued before the floor", sent)
	time.Sleep(2 * time.Second)
	require.True(t, c.Running(), "the collector died of a full disk")
	assert.Equal(t, 1, strings.Count(c.Output(), "Free disk space is below the floor"), "logged once")
	assert.Positive(t, c.Metric(t, "otelcol_badger_storage_writes_refused", nil), "refusals are counted")

	resize(t, disk, 128)
	be.start(t)
	require.Eventually(t, func() bool {
		m, _ := be.missing(sent)
		return m == 0
	}, 60*time.Second, 200*time.Millisecond, "every acknowledged record arrives")
	require.True(t, c.Running())
	require.NoError(t, client.SendLogs(logsWithIDs(sent, 500, 200)), "writes resume when space returns")
}
