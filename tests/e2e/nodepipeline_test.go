//go:build integration

package e2e

import (
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// nodePipelineConfig is a node pipeline make bench-pipeline measures (OTLP
// in, masking, batch, then both a durable queue to the backend and the local
// store), with the local store's query API on api. With durable the queue is
// durable_otlp (the DaemonSet's), otherwise otlp_grpc's persistent
// sending_queue.
func nodePipelineConfig(t *testing.T, in, api, sink string, durable bool) string {
	t.Helper()
	i := slices.IndexFunc(benchPipelines, func(p benchPipeline) bool {
		return p.masking && p.localStore && p.badger && p.durable == durable
	})
	require.GreaterOrEqual(t, i, 0, "bench-pipeline has a node pipeline")
	cfg := benchConfig(benchPipelines[i], "logs", in, sink, "    detectors: {ipv4: {enabled: true}}", "", nil)
	const at = "  local_store:\n    memory_limit_mib:"
	require.Contains(t, cfg, at)
	return strings.Replace(cfg, at, "  local_store:\n    api:\n      endpoint: "+api+"\n    memory_limit_mib:", 1)
}

// poolingLogs is one request of n records, each naming its sender, request
// and index in its body and attributes, with an e-mail, a card and an
// address for masking to replace.
func poolingLogs(sender, req, n int, base time.Time) plog.Logs {
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "pool")
	rl.Resource().Attributes().PutInt("sender", int64(sender))
	lrs := rl.ScopeLogs().AppendEmpty().LogRecords()
	for i := 0; i < n; i++ {
		lr := lrs.AppendEmpty()
		lr.SetTimestamp(pcommon.NewTimestampFromTime(base.Add(time.Duration(i) * time.Microsecond)))
		lr.Body().SetStr(fmt.Sprintf("s%d r%d i%d: user kim@example.com paid with 4111 1111 1111 1111 from 10.0.0.1", sender, req, i))
		a := lr.Attributes()
		a.PutStr("id", fmt.Sprintf("s%d-r%d-i%d", sender, req, i))
		a.PutStr("note", strings.Repeat(fmt.Sprintf("<%d.%d.%d>", sender, req, i), 4))
	}
	return ld
}

// TestNodePipelineIntegrity runs both node pipelines (the DaemonSet's with
// durable_otlp, and the one with otlp_grpc's persistent queue) under
// concurrent senders and checks every record, at the backend and in the
// local store, for its own body and attributes: a request shared by the two
// exporters and changed or released by one while the other still reads it
// would show up as a record with another record's fields, a duplicate or a
// loss. EMS_FEATURE_GATES runs it with collector feature gates, e.g.
// pdata.useProtoPooling, which fails it (docs/benchmarks/pipeline.md).
func TestNodePipelineIntegrity(t *testing.T) {
	for _, durable := range []bool{true, false} {
		name := map[bool]string{true: "durable_otlp", false: "sending_queue"}[durable]
		t.Run(name, func(t *testing.T) { nodePipelineIntegrity(t, durable) })
	}
}

func nodePipelineIntegrity(t *testing.T, durable bool) {
	sink := harness.StartSink(t)
	in, api := harness.FreeAddr(t), harness.FreeAddr(t)
	c := harness.NewCollector(t, nodePipelineConfig(t, in, api, sink.GRPCEndpoint, durable))
	if gates := os.Getenv("EMS_FEATURE_GATES"); gates != "" {
		c.Args = append(c.Args, "--feature-gates="+gates)
	}
	c.Start(t)

	const senders, requests, perRequest = 4, 40, 250
	base := time.Now().Add(-time.Minute)
	var wg sync.WaitGroup
	errs := make(chan error, senders)
	for s := 0; s < senders; s++ {
		client := harness.NewOTLPClient(t, in)
		wg.Add(1)
		go func(s int) {
			defer wg.Done()
			for r := 0; r < requests; r++ {
				if err := client.SendLogs(poolingLogs(s, r, perRequest, base)); err != nil {
					errs <- fmt.Errorf("sender %d request %d: %w", s, r, err)
					return
				}
			}
		}(s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	const total = senders * requests * perRequest
	require.Eventually(t, func() bool { return sink.Logs.LogRecordCount() >= total }, 60*time.Second, 100*time.Millisecond,
		"the backend received %d of %d records", sink.Logs.LogRecordCount(), total)

	seen := map[string]bool{}
	tail := ""
	for _, ld := range sink.Logs.AllLogs() {
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			rl := ld.ResourceLogs().At(i)
			sender, _ := rl.Resource().Attributes().Get("sender")
			lrs := rl.ScopeLogs().At(0).LogRecords()
			for j := 0; j < lrs.Len(); j++ {
				lr := lrs.At(j)
				id, _ := lr.Attributes().Get("id")
				var s, r, k int
				_, err := fmt.Sscanf(id.Str(), "s%d-r%d-i%d", &s, &r, &k)
				require.NoError(t, err, "record id %q", id.Str())
				require.Equal(t, int64(s), sender.Int(), "record %s under the resource of sender %d", id.Str(), sender.Int())
				prefix := fmt.Sprintf("s%d r%d i%d: ", s, r, k)
				body := lr.Body().Str()
				require.True(t, strings.HasPrefix(body, prefix), "record %s has the body %q", id.Str(), body)
				if tail == "" {
					tail = body[len(prefix):]
				}
				require.Equal(t, tail, body[len(prefix):], "record %s", id.Str())
				note, _ := lr.Attributes().Get("note")
				require.Equal(t, strings.Repeat(fmt.Sprintf("<%d.%d.%d>", s, r, k), 4), note.Str(), "record %s", id.Str())
				require.False(t, seen[id.Str()], "record %s arrived twice", id.Str())
				seen[id.Str()] = true
			}
		}
	}
	assert.Len(t, seen, total)
	assert.NotContains(t, tail, "kim@example.com")
	assert.NotContains(t, tail, "4111 1111 1111 1111")
	assert.NotContains(t, tail, "10.0.0.1")

	q := queryAPI{base: "http://" + api}
	require.Eventually(t, func() bool {
		var res resourcesPage
		if q.get(t, "/api/v1/resources", &res) != http.StatusOK {
			return false
		}
		var n int64
		for _, r := range res.Data {
			n += r.Counts["logs"]
		}
		return n == total
	}, 30*time.Second, 200*time.Millisecond, "the local store counts every record")
	stored := 0
	token := ""
	for {
		var p dataPage
		path := "/api/v1/logs?service=pool&limit=1000"
		if token != "" {
			path += "&page_token=" + token
		}
		require.Equal(t, http.StatusOK, q.get(t, path, &p), p.Error)
		ld, err := (&plog.JSONUnmarshaler{}).UnmarshalLogs(p.Data)
		require.NoError(t, err)
		for i := 0; i < ld.ResourceLogs().Len(); i++ {
			lrs := ld.ResourceLogs().At(i).ScopeLogs().At(0).LogRecords()
			for j := 0; j < lrs.Len(); j++ {
				id, _ := lrs.At(j).Attributes().Get("id")
				var s, r, k int
				_, err := fmt.Sscanf(id.Str(), "s%d-r%d-i%d", &s, &r, &k)
				require.NoError(t, err)
				require.Equal(t, fmt.Sprintf("s%d r%d i%d: %s", s, r, k, tail), lrs.At(j).Body().Str())
				stored++
			}
		}
		if token = p.NextPageToken; token == "" {
			break
		}
	}
	assert.Equal(t, total, stored)
}
