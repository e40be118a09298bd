package journal

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"go.uber.org/zap"

	"github.com/otelcol-ems/otelcol-ems/internal/badgerdb"
)

// replayStats is what a replay found.
type replayStats struct {
	segments int // segments replayed
	records  int // batch records applied
	torn     int // records that ended a segment early (torn, garbled)
	skipped  int // newer segments not applied after a damaged one
}

// segmentSeq returns the sequence in a segment's header, 0 when the header is
// not valid (a free segment, or not a segment).
func segmentSeq(data []byte) uint64 {
	if len(data) < segmentHeaderSize || [8]byte(data[:8]) != segmentMagic {
		return 0
	}
	if crc32.Checksum(data[:16], crcTable) != binary.LittleEndian.Uint32(data[16:]) {
		return 0
	}
	return binary.LittleEndian.Uint64(data[8:])
}

// scanSegment calls fn with the payload of every batch record of a segment
// stamped seq, in order, up to the first zero length (the end), seal record
// or damaged record. It reports whether the segment was sealed and whether a
// damaged record ended it.
func scanSegment(data []byte, seq uint64, fn func(payload []byte) error) (sealed, torn bool) {
	off := segmentHeaderSize
	for {
		if off+terminatorSize > len(data) {
			return false, true // cut short: the terminator is missing
		}
		n := int(binary.LittleEndian.Uint32(data[off:]))
		if n == 0 {
			return false, false
		}
		end := off + recordHeaderSize + n
		if end > len(data) || n > len(data) {
			return false, true
		}
		payload := data[off+recordHeaderSize : end]
		if recordCRC(seq, payload) != binary.LittleEndian.Uint32(data[off+4:]) {
			return false, true
		}
		if payload[0] == recordSeal {
			return true, false
		}
		if fn(payload) != nil {
			return false, true
		}
		off = end
	}
}

type foundSegment struct {
	path string
	seq  uint64
	data []byte
}

// replay applies the segments in dir newer than marker to gen, oldest first.
// It stops at a segment that was damaged before its end (or a missing
// sequence), because what follows would be applied without what was lost:
// the result is always a prefix of what was acknowledged. It returns the
// highest sequence found, which the caller records as the new marker.
func replay(dir string, marker uint64, gen *overlay, logger *zap.Logger) (replayStats, uint64, error) {
	var st replayStats
	paths, err := filepath.Glob(filepath.Join(dir, "*"+segmentExt))
	if err != nil {
		return st, marker, err
	}
	var found []foundSegment
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return st, marker, fmt.Errorf("reading journal segment %s: %w", p, err)
		}
		if seq := segmentSeq(data); seq > marker {
			found = append(found, foundSegment{path: p, seq: seq, data: data})
		}
	}
	slices.SortFunc(found, func(a, b foundSegment) int { return cmp.Compare(a.seq, b.seq) })
	highest := marker
	if len(found) > 0 {
		highest = found[len(found)-1].seq
	}
	expect := marker + 1
	for i, f := range found {
		if f.seq != expect && i > 0 {
			st.skipped = len(found) - i
			logger.Warn("Badger storage journal segment is missing from the sequence; newer segments are not replayed",
				zap.Uint64("missing_sequence", expect), zap.String("next_segment", f.path), zap.Int("skipped_segments", st.skipped))
			break
		}
		expect = f.seq + 1
		st.segments++
		sealed, torn := scanSegment(f.data, f.seq, func(payload []byte) error {
			err := decodeBatch(payload, func(key, value []byte, del bool) {
				if del {
					gen.remove(key)
				} else {
					gen.set(key, value, true)
				}
			})
			if err == nil {
				st.records++
			}
			return err
		})
		if torn {
			st.torn++
			logger.Warn("Badger storage journal segment ends with a damaged record; the records before it were replayed",
				zap.String("segment", f.path), zap.Uint64("sequence", f.seq))
		}
		if !sealed && i < len(found)-1 {
			st.skipped = len(found) - 1 - i
			logger.Warn("Badger storage journal segment was cut short before a newer one started; newer segments are not replayed",
				zap.String("segment", f.path), zap.Int("skipped_segments", st.skipped))
			break
		}
	}
	return st, highest, nil
}

// openJournal replays what the journal holds beyond Badger's marker into
// Badger, syncs it, and prepares the segments for reuse. from is the
// directory whose journal is replayed: the database's own, or the one a
// recovery moved aside.
func (s *Store) openJournal(from string) (*journal, replayStats, error) {
	dir := filepath.Join(s.cfg.Directory, journalDirName)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, replayStats{}, fmt.Errorf("creating journal directory %s: %w", dir, err)
	}
	marker, err := s.readMarker()
	if err != nil {
		return nil, replayStats{}, err
	}
	gen := newOverlay()
	st, highest, err := replay(filepath.Join(from, journalDirName), marker, gen, s.logger)
	if err != nil {
		return nil, st, err
	}
	if highest > marker {
		// Synced whatever the policy: the segments are reused next.
		if err := s.writeGeneration(gen, highest, true); err != nil {
			return nil, st, err
		}
	}
	j := &journal{s: s, dir: dir, size: segmentSizeFor(s.maxBytes), active: newOverlay(), nextSeq: highest + 1, mapped: s.cfg.Durability != badgerdb.DurabilityAlways}
	j.room = sync.NewCond(&j.mu)
	if err := j.openSegments(); err != nil {
		return nil, st, errors.Join(err, j.closeFiles())
	}
	return j, st, nil
}

// openSegments reuses the segment files in the journal directory (all of
// them at or below the marker now), creates missing ones, and stamps the
// active one.
func (j *journal) openSegments() error {
	paths, err := filepath.Glob(filepath.Join(j.dir, "*"+segmentExt))
	if err != nil {
		return err
	}
	for _, p := range paths {
		var n int
		if _, err := fmt.Sscanf(strings.TrimSuffix(filepath.Base(p), segmentExt), "segment-%d", &n); err == nil {
			j.files = max(j.files, n)
		}
		if len(j.pool) == journalSegments {
			if err := os.Remove(p); err != nil {
				return err
			}
			continue
		}
		g, err := openSegment(p, j.size, j.mapped)
		if err != nil {
			return fmt.Errorf("opening journal segment %s: %w", p, err)
		}
		j.pool = append(j.pool, g)
		if err := g.stamp(0); err != nil {
			return err
		}
	}
	for len(j.pool) < journalSegments {
		j.files++
		g, err := createSegment(filepath.Join(j.dir, fmt.Sprintf("segment-%d%s", j.files, segmentExt)), j.size, j.mapped)
		if err != nil {
			return err
		}
		j.pool = append(j.pool, g)
	}
	g, err := j.take()
	if err != nil {
		return err
	}
	j.seg = g
	j.nextSeq++
	return g.stamp(j.nextSeq - 1)
}
