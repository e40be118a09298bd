package journal

import (
	"errors"
	"syscall"
	"unsafe"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// Synchronous direct I/O for durability: always. An fdatasync after a
// buffered write costs the page-cache writeback plus a device flush; one
// write with O_DIRECT|O_DSYNC of the same blocks costs about 30% less on this
// project's disk (dd, 4 KiB: 126 against 91 µs), and durability: always pays
// it on every batch. Direct I/O needs block-aligned offsets, lengths and
// memory, so records are first copied into a shadow of the segment and a sync
// writes the whole blocks they touched. Rewriting the last, partly filled
// block also rewrites records synced before: their bytes are the same, so a
// torn write of that block leaves them intact (what database write-ahead
// logs that rewrite their partial last page rely on too).

// directAlign is the alignment of direct I/O: offsets, lengths and memory.
const directAlign = 4096

// withDirect opens g's file for synchronous direct I/O where the platform
// and the filesystem support it (not tmpfs, for one) and loads the shadow;
// elsewhere g stays as it is, with pwrite and fdatasync.
func withDirect(g *segment) (*segment, error) {
	f, err := openDirect(g.path)
	if err != nil || f == nil {
		return g, nil //nolint:nilerr // buffered writes and fdatasync are the fallback
	}
	shadow := alignedBytes(g.size)
	if _, err := g.f.ReadAt(shadow, 0); err != nil {
		_ = f.Close()
		return g, nil //nolint:nilerr // as above
	}
	g.direct, g.shadow, g.lo, g.hi = f, shadow, g.size, 0
	return g, nil
}

// capture copies the blocks written since the last capture into out, for
// sync to write without holding the journal's lock. The journal's mu is held.
func (g *segment) capture() {
	if g.shadow == nil || g.lo >= g.hi {
		return
	}
	start := g.lo &^ (directAlign - 1)
	end := min((g.hi+directAlign-1)&^(directAlign-1), g.size)
	if len(g.out) > 0 { // a failed sync left blocks to write: cover them too
		start, end = min(start, g.outOff), max(end, g.outOff+len(g.out))
	}
	if cap(g.out) < end-start {
		g.out = alignedBytes(end - start)
	}
	g.out = g.out[:end-start]
	copy(g.out, g.shadow[start:end])
	g.outOff = start
	g.lo, g.hi = g.size, 0
}

// uncapture marks the captured blocks as written again after a failed sync.
func (g *segment) uncapture() {
	if g.shadow == nil || len(g.out) == 0 {
		return
	}
	g.lo, g.hi = min(g.lo, g.outOff), max(g.hi, g.outOff+len(g.out))
	g.out = g.out[:0]
}

// alignedBytes returns n zero bytes whose address is a multiple of
// directAlign.
func alignedBytes(n int) []byte {
	b := make([]byte, n+directAlign)
	skip := (directAlign - int(uintptr(unsafe.Pointer(&b[0])))%directAlign) % directAlign
	return b[skip : skip+n : skip+n]
}

// writeOut writes the captured blocks durably: with the direct file, or, once
// it refused them (a filesystem that accepts O_DIRECT at open but not the
// write: EINVAL), with pwrite and fdatasync from then on.
func (g *segment) writeOut() error {
	if g.direct != nil {
		_, err := g.direct.WriteAt(g.out, int64(g.outOff))
		if !errors.Is(err, syscall.EINVAL) {
			return err
		}
		_ = g.direct.Close()
		g.direct = nil
	}
	if _, err := g.f.WriteAt(g.out, int64(g.outOff)); err != nil {
		return err
	}
	return badgerdb.Datasync(g.f)
}
