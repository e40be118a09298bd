package snmpreceiver

import (
	"context"
	"net"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/consumer"
	"go.opentelemetry.io/collector/pdata/pmetric"
	"go.opentelemetry.io/collector/receiver/receivertest"
)

// recorder keeps, per snmp.target, the snmp.up values received in order.
type recorder struct {
	mu  sync.Mutex
	up  map[string][]int64
	mds map[string]pmetric.Metrics
}

func newRecorder() *recorder {
	return &recorder{up: map[string][]int64{}, mds: map[string]pmetric.Metrics{}}
}

func (r *recorder) Capabilities() consumer.Capabilities { return consumer.Capabilities{} }

func (r *recorder) ConsumeMetrics(_ context.Context, md pmetric.Metrics) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	rm := md.ResourceMetrics().At(0)
	target, _ := rm.Resource().Attributes().Get("snmp.target")
	ms := rm.ScopeMetrics().At(0).Metrics()
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Name() == "snmp.up" {
			r.up[target.Str()] = append(r.up[target.Str()], ms.At(i).Gauge().DataPoints().At(0).IntValue())
		}
	}
	r.mds[target.Str()] = md
	return nil
}

func (r *recorder) count(target string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.up[target])
}

func (r *recorder) snapshot() (map[string][]int64, map[string]pmetric.Metrics) {
	r.mu.Lock()
	defer r.mu.Unlock()
	up := map[string][]int64{}
	for k, v := range r.up {
		up[k] = append([]int64(nil), v...)
	}
	mds := map[string]pmetric.Metrics{}
	for k, v := range r.mds {
		mds[k] = v
	}
	return up, mds
}

// silentUDP is a UDP socket that reads and never answers: a dead agent
// that times out (a closed port would be refused at once).
func silentUDP(t *testing.T) string {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	go func() {
		buf := make([]byte, 2048)
		for {
			if _, _, err := c.ReadFromUDP(buf); err != nil {
				return
			}
		}
	}()
	return "udp://" + c.LocalAddr().String()
}

func TestShutdownWithoutStart(t *testing.T) {
	cfg := NewFactory().CreateDefaultConfig().(*Config)
	cfg.Targets = []Target{{Endpoint: "udp://127.0.0.1:161", Inline: Credential{Version: "v2c", Community: "public"}}}
	r, err := NewFactory().CreateMetrics(context.Background(), receivertest.NewNopSettings(NewFactory().Type()), cfg, newRecorder())
	require.NoError(t, err)
	require.NoError(t, r.Shutdown(context.Background()))
}
