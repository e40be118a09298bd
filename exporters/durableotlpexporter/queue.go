package durableotlpexporter

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"

	"go.opentelemetry.io/collector/extension/xextension/storage"
)

// The queue's layout in its storage client (one client per exporter and
// signal, so the keys need no prefix of their own):
//
//	"t"        tail: next index to write, bytes and items ever offered (3×8 B)
//	"h"        head: lowest index not yet done, requests, bytes and items
//	           done (4×8 B)
//	"i<index>" one item: item count (4 B, big endian) + the OTLP request
//
// An offer writes its item and "t" in one Batch, a done deletes its item and
// writes "h" in one Batch, so the counters always match the items present.
// Items between head and tail that are missing were done (deleted) before a
// restart: a restart re-reads every present item from head on, which re-sends
// what was in flight (at-least-once).
const (
	tailKey    = "t"
	headKey    = "h"
	itemHeader = 4
)

// errQueueFull is returned by offer when max_queue_mib is reached.
var errQueueFull = errors.New("durable_otlp: queue full (max_queue_mib reached)")

var be = binary.BigEndian

func itemKey(i uint64) string { return "i" + strconv.FormatUint(i, 10) }

// queue is a persistent FIFO of OTLP requests on a storage.Client.
type queue struct {
	client   storage.Client
	maxBytes int64 // 0: unbounded

	offerMu      sync.Mutex // serialises offers: indexes and "t" in order
	tail         uint64
	offeredBytes uint64
	offeredItems uint64

	mu        sync.Mutex // reads and dones
	readNext  uint64     // next index to hand to a sender
	written   uint64     // tail as readers see it (items durable below it)
	head      uint64
	doneAhead map[uint64]struct{} // done indexes above head
	doneReqs  uint64
	doneBytes uint64
	doneItems uint64
	notify    chan struct{}

	// For the gauges, read without locks.
	size  atomic.Int64 // requests
	bytes atomic.Int64
	items atomic.Int64
}

// openQueue loads the counters from client.
func openQueue(ctx context.Context, client storage.Client, maxBytes int64) (*queue, error) {
	q := &queue{client: client, maxBytes: maxBytes, doneAhead: map[uint64]struct{}{}, notify: make(chan struct{}, 1)}
	t, h := &storage.Operation{Type: storage.Get, Key: tailKey}, &storage.Operation{Type: storage.Get, Key: headKey}
	if err := client.Batch(ctx, t, h); err != nil {
		return nil, fmt.Errorf("reading the queue's indexes: %w", err)
	}
	if t.Value != nil {
		if len(t.Value) != 24 {
			return nil, fmt.Errorf("the queue's tail record has %d bytes, want 24 (the storage holds something else under this exporter's name)", len(t.Value))
		}
		q.tail, q.offeredBytes, q.offeredItems = be.Uint64(t.Value), be.Uint64(t.Value[8:]), be.Uint64(t.Value[16:])
	}
	if h.Value != nil {
		if len(h.Value) != 32 {
			return nil, fmt.Errorf("the queue's head record has %d bytes, want 32 (the storage holds something else under this exporter's name)", len(h.Value))
		}
		q.head, q.doneReqs, q.doneBytes, q.doneItems = be.Uint64(h.Value), be.Uint64(h.Value[8:]), be.Uint64(h.Value[16:]), be.Uint64(h.Value[24:])
	}
	if q.head > q.tail || q.doneReqs > q.tail || q.doneBytes > q.offeredBytes || q.doneItems > q.offeredItems {
		return nil, fmt.Errorf("the queue's indexes disagree (head %d, tail %d, done %d)", q.head, q.tail, q.doneReqs)
	}
	q.readNext, q.written = q.head, q.tail
	q.size.Store(int64(q.tail - q.doneReqs))
	q.bytes.Store(int64(q.offeredBytes - q.doneBytes))
	q.items.Store(int64(q.offeredItems - q.doneItems))
	if q.written > q.readNext {
		q.signal()
	}
	return q, nil
}

func (q *queue) signal() {
	select {
	case q.notify <- struct{}{}:
	default:
	}
}

// offer stores one request of n items; it returns once the storage's Batch
// has returned, that is durable per the storage's own policy.
func (q *queue) offer(ctx context.Context, n int, req []byte) error {
	if q.maxBytes > 0 && q.bytes.Load()+int64(len(req)) > q.maxBytes {
		return errQueueFull
	}
	val := make([]byte, itemHeader+len(req))
	be.PutUint32(val, uint32(n))
	copy(val[itemHeader:], req)

	q.offerMu.Lock()
	defer q.offerMu.Unlock()
	var tv [24]byte
	be.PutUint64(tv[:], q.tail+1)
	be.PutUint64(tv[8:], q.offeredBytes+uint64(len(req)))
	be.PutUint64(tv[16:], q.offeredItems+uint64(n))
	if err := q.client.Batch(ctx,
		&storage.Operation{Type: storage.Set, Key: itemKey(q.tail), Value: val},
		&storage.Operation{Type: storage.Set, Key: tailKey, Value: tv[:]}); err != nil {
		return err
	}
	q.tail++
	q.offeredBytes += uint64(len(req))
	q.offeredItems += uint64(n)
	q.size.Add(1)
	q.bytes.Add(int64(len(req)))
	q.items.Add(int64(n))

	q.mu.Lock()
	q.written = q.tail
	q.mu.Unlock()
	q.signal()
	return nil
}

// item is one request read from the queue.
type item struct {
	index uint64
	n     int    // log records, spans or data points
	req   []byte // the OTLP Export*ServiceRequest
}

// next blocks until a request is available or ctx is done. Items deleted
// before a restart (done, head not yet past them) are skipped.
func (q *queue) next(ctx context.Context) (item, error) {
	for {
		q.mu.Lock()
		if q.readNext < q.written {
			idx := q.readNext
			q.readNext++
			more := q.readNext < q.written
			q.mu.Unlock()
			if more {
				q.signal() // wake another sender
			}
			v, err := q.client.Get(ctx, itemKey(idx))
			if err != nil {
				q.unread(idx)
				return item{}, fmt.Errorf("reading queue item %d: %w", idx, err)
			}
			if v == nil {
				q.markDone(idx)
				continue
			}
			if len(v) < itemHeader {
				// Not ours; drop it rather than block the queue forever.
				_ = q.done(ctx, item{index: idx})
				continue
			}
			it := item{index: idx, n: int(be.Uint32(v)), req: v[itemHeader:]}
			return it, nil
		}
		q.mu.Unlock()
		select {
		case <-ctx.Done():
			return item{}, ctx.Err()
		case <-q.notify:
		}
	}
}

// unread gives an index back after a failed read, so it is read again.
// It is only correct for the most recent read; otherwise the item is read
// again after a restart.
func (q *queue) unread(idx uint64) {
	q.mu.Lock()
	if q.readNext == idx+1 {
		q.readNext = idx
	}
	q.mu.Unlock()
	q.signal()
}

// markDone records idx as done in memory only (it was deleted before).
func (q *queue) markDone(idx uint64) {
	q.mu.Lock()
	q.advance(idx)
	q.mu.Unlock()
}

// advance marks idx done and moves head past every done index. q.mu held.
func (q *queue) advance(idx uint64) {
	if idx != q.head {
		q.doneAhead[idx] = struct{}{}
		return
	}
	q.head++
	for {
		if _, ok := q.doneAhead[q.head]; !ok {
			return
		}
		delete(q.doneAhead, q.head)
		q.head++
	}
}

// done deletes a request the backend accepted (or that was dropped).
func (q *queue) done(ctx context.Context, it item) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.advance(it.index)
	q.doneReqs++
	q.doneBytes += uint64(len(it.req))
	q.doneItems += uint64(it.n)
	var hv [32]byte
	be.PutUint64(hv[:], q.head)
	be.PutUint64(hv[8:], q.doneReqs)
	be.PutUint64(hv[16:], q.doneBytes)
	be.PutUint64(hv[24:], q.doneItems)
	err := q.client.Batch(ctx,
		&storage.Operation{Type: storage.Delete, Key: itemKey(it.index)},
		&storage.Operation{Type: storage.Set, Key: headKey, Value: hv[:]})
	q.size.Add(-1)
	q.bytes.Add(-int64(len(it.req)))
	q.items.Add(-int64(it.n))
	return err
}
