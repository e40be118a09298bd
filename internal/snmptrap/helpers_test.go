package snmptrap

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// collector is a Consumer that keeps what it receives.
type collector struct {
	mu    sync.Mutex
	traps []*Trap
	err   error
	ch    chan struct{}
}

func newCollector() *collector { return &collector{ch: make(chan struct{}, 1<<16)} }

func (c *collector) consume(_ context.Context, ts []*Trap) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return c.err
	}
	c.traps = append(c.traps, ts...)
	for range ts {
		select {
		case c.ch <- struct{}{}:
		default:
		}
	}
	return nil
}

func (c *collector) wait(t *testing.T, n int) []*Trap {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		c.mu.Lock()
		if len(c.traps) >= n {
			out := append([]*Trap(nil), c.traps...)
			c.mu.Unlock()
			return out
		}
		c.mu.Unlock()
		select {
		case <-c.ch:
		case <-deadline:
			t.Fatalf("waited 10s for %d traps", n)
		}
	}
}

// counts records the hooks' counts.
type counts struct {
	mu       sync.Mutex
	received int64
	accepted int64
	dropped  map[Reason]int64
}

func (c *counts) hooks() Hooks {
	c.dropped = map[Reason]int64{}
	return Hooks{
		Received: func(n int64) { c.mu.Lock(); c.received += n; c.mu.Unlock() },
		Accepted: func(n int64) { c.mu.Lock(); c.accepted += n; c.mu.Unlock() },
		Dropped:  func(r Reason, n int64) { c.mu.Lock(); c.dropped[r] += n; c.mu.Unlock() },
	}
}

func (c *counts) get() (received, accepted int64, dropped map[Reason]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := make(map[Reason]int64, len(c.dropped))
	for k, v := range c.dropped {
		d[k] = v
	}
	return c.received, c.accepted, d
}

var testEngineID = []byte{0x80, 0x00, 0x1f, 0x88, 0x05, 1, 2, 3, 4, 5, 6, 7, 8}

func startServer(t *testing.T, transport string, ds DecoderSettings, mod func(*Settings)) (*Server, *collector, *counts) {
	t.Helper()
	if ds.EngineID == nil {
		ds.EngineID = testEngineID
	}
	d, err := NewDecoder(ds, time.Now())
	require.NoError(t, err)
	col := newCollector()
	cnt := &counts{}
	s := Settings{
		Endpoint: "127.0.0.1:0", Transport: transport, Decoder: d, Consumer: col.consume,
		Hooks: cnt.hooks(), Workers: 2, SocketBuffer: 4 << 20,
	}
	if mod != nil {
		mod(&s)
	}
	srv, err := NewServer(s)
	require.NoError(t, err)
	require.NoError(t, srv.Start())
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		require.NoError(t, srv.Shutdown(ctx))
	})
	return srv, col, cnt
}
