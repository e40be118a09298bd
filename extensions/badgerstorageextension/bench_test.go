package badgerstorageextension

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/open-telemetry/opentelemetry-collector-contrib/extension/storage/filestorage"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/extension/xextension/storage"
)

// The benchmarks replay exporterhelper's persistent queue through a storage
// client (see FACTS.md): every offer, read and done is one Batch of the
// metadata key "qmv0" plus one item key, items being 1 KiB. The queue holds a
// mutex around each of them, so the calls are sequential, as here.

type backend struct {
	name string
	// open returns a client of a fresh store; with more than one name, one
	// client per name on the same store.
	open func(b *testing.B, names ...string) []storage.Client
}

func badgerBackend(d string) backend {
	return backend{name: "badger_" + d, open: func(b *testing.B, names ...string) []storage.Client {
		cfg := testConfig(filepath.Join(b.TempDir(), "db"))
		cfg.Durability = durability(d)
		ext := newExtension(extensionSettings(), cfg)
		require.NoError(b, ext.Start(context.Background(), componenttest.NewNopHost()))
		b.Cleanup(func() { require.NoError(b, ext.Shutdown(context.Background())) })
		var cs []storage.Client
		for _, n := range names {
			c, err := ext.GetClient(context.Background(), component.KindExporter, component.MustNewID("otlp"), n)
			require.NoError(b, err)
			cs = append(cs, c)
		}
		return cs
	}}
}

func fileStorageBackend(fsync bool) backend {
	name := "filestorage_fsync_off"
	if fsync {
		name = "filestorage_fsync_on"
	}
	return backend{name: name, open: func(b *testing.B, names ...string) []storage.Client {
		f := filestorage.NewFactory()
		cfg := f.CreateDefaultConfig().(*filestorage.Config)
		cfg.Directory = b.TempDir()
		cfg.FSync = fsync
		ext, err := f.Create(context.Background(), extensiontest.NewNopSettings(f.Type()), cfg)
		require.NoError(b, err)
		require.NoError(b, ext.Start(context.Background(), componenttest.NewNopHost()))
		b.Cleanup(func() { require.NoError(b, ext.Shutdown(context.Background())) })
		var cs []storage.Client
		for _, n := range names {
			c, err := ext.(storage.Extension).GetClient(context.Background(), component.KindExporter, component.MustNewID("otlp"), n)
			require.NoError(b, err)
			b.Cleanup(func() { require.NoError(b, c.Close(context.Background())) })
			cs = append(cs, c)
		}
		return cs
	}}
}

// Pairs at equal durability: never and interval against fsync off (interval
// is stricter: at most sync_interval of data is exposed to a power loss),
// always against fsync on.
var backends = []backend{
	badgerBackend("never"), badgerBackend("interval"), fileStorageBackend(false),
	badgerBackend("always"), fileStorageBackend(true),
}

// queue replays the persistent queue's storage calls.
type queue struct {
	c          storage.Client
	meta, item []byte
	write      uint64
	read       uint64
}

func (q *queue) offer(ctx context.Context) error {
	q.write++
	q.meta = strconv.AppendUint(q.meta[:0], q.write, 10)
	return q.c.Batch(ctx, storage.SetOperation("qmv0", q.meta), storage.SetOperation(strconv.FormatUint(q.write-1, 10), q.item))
}

func (q *queue) consume(ctx context.Context) error {
	key := strconv.FormatUint(q.read, 10)
	q.read++
	get := storage.GetOperation(key)
	if err := q.c.Batch(ctx, storage.SetOperation("qmv0", []byte(key)), get); err != nil {
		return err
	}
	if len(get.Value) != len(q.item) {
		return fmt.Errorf("item %s: got %d bytes", key, len(get.Value))
	}
	return q.c.Batch(ctx, storage.SetOperation("qmv0", []byte(key)), storage.DeleteOperation(key))
}

// BenchmarkQueueThroughput offers and consumes items with 100 items standing
// in the queue. One op is one item offered and one consumed. 1 KiB is the
// size the issue names; 64 KiB is a typical OTLP request of ~200 log records,
// which is what exporterhelper stores as one item.
func BenchmarkQueueThroughput(b *testing.B) {
	for _, size := range []int{1 << 10, 64 << 10} {
		for _, be := range backends {
			b.Run(fmt.Sprintf("%dKiB/%s", size>>10, be.name), func(b *testing.B) {
				ctx := context.Background()
				q := &queue{c: be.open(b, "logs")[0], item: randomValue(size)}
				for range 100 {
					require.NoError(b, q.offer(ctx))
				}
				b.SetBytes(int64(size))
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := q.offer(ctx); err != nil {
						b.Fatal(err)
					}
					if err := q.consume(ctx); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
			})
		}
	}
}

// BenchmarkDrain measures how fast a backlog left by an outage is read and
// deleted: b.N items are offered first, untimed, then consumed.
func BenchmarkDrain(b *testing.B) {
	for _, be := range backends {
		if be.name == "badger_always" || be.name == "filestorage_fsync_on" {
			continue // the backlog build-up alone would take minutes
		}
		b.Run(be.name, func(b *testing.B) {
			ctx := context.Background()
			q := &queue{c: be.open(b, "logs")[0], item: randomValue(1024)}
			for i := 0; i < b.N; i++ {
				require.NoError(b, q.offer(ctx))
			}
			b.SetBytes(1024)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := q.consume(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// BenchmarkQueueThroughputFourQueues runs four queues on one store at once,
// as a collector with several exporters or signals does. Each queue stays
// sequential; one op is one item offered and consumed on one of them.
func BenchmarkQueueThroughputFourQueues(b *testing.B) {
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			ctx := context.Background()
			clients := be.open(b, "logs", "metrics", "traces", "profiles")
			qs := make([]*queue, len(clients))
			for i, c := range clients {
				qs[i] = &queue{c: c, item: randomValue(1024)}
				for range 100 {
					require.NoError(b, qs[i].offer(ctx))
				}
			}
			b.SetBytes(1024)
			b.ReportAllocs()
			b.ResetTimer()
			var wg sync.WaitGroup
			errs := make(chan error, len(qs))
			for i, q := range qs {
				share := b.N / len(qs)
				if i < b.N%len(qs) {
					share++
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range share {
						if err := q.offer(ctx); err != nil {
							errs <- err
							return
						}
						if err := q.consume(ctx); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}
