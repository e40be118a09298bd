package badgerstorageextension

import "sync"

// groupSync makes durability: always cheap under concurrency. Badger's own
// SyncWrites syncs once per transaction even when its write pipeline groups
// many; here every committer waits for one sync that started after its
// commit, and all committers waiting at that moment share it.
//
// Two kinds of sync are known: a light one (the memtable logs) for commits
// that wrote only there, and a full one (DB.Sync) for commits that also wrote
// to the value log. A round is full when any caller it covers asked for it.
type groupSync struct {
	light, full func() error

	mu       sync.Mutex
	cond     *sync.Cond
	running  bool
	started  uint64 // syncs started
	wantFull bool   // a caller of the next sync needs the full one
	done     uint64 // syncs finished
	err      error  // result of the last finished sync
}

func newGroupSync(light, full func() error) *groupSync {
	g := &groupSync{light: light, full: full}
	g.cond = sync.NewCond(&g.mu)
	return g
}

// wait returns once a sync that started after the call has finished; full
// asks for the full kind.
func (g *groupSync) wait(full bool) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	// A sync already running may have missed this caller's commit; the next
	// one to start cannot.
	ticket := g.started + 1
	g.wantFull = g.wantFull || full
	for g.done < ticket {
		if g.running {
			g.cond.Wait()
			continue
		}
		g.running = true
		g.started++
		n := g.started
		syncFn := g.light
		if g.wantFull {
			syncFn = g.full
		}
		g.wantFull = false
		g.mu.Unlock()
		err := syncFn()
		g.mu.Lock()
		g.running = false
		g.done, g.err = n, err
		g.cond.Broadcast()
	}
	return g.err
}
