package archive

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Problem kinds.
const (
	KindModified     = "modified"
	KindMissing      = "missing"
	KindReordered    = "reordered"
	KindTruncated    = "truncated"
	KindBadSignature = "bad signature"
)

// Problem is the first place where an archive is not intact.
type Problem struct {
	Kind    string
	Segment uint64
	// Record is the record index concerned, -1 when none.
	Record int64
	// Offset is the byte offset in the segment, -1 when none.
	Offset int64
	// Time is the arrival time of the block concerned (unix ns), 0 if unknown.
	Time   int64
	Detail string
}

func (p *Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: segment %d", p.Kind, p.Segment)
	if p.Record >= 0 {
		fmt.Fprintf(&b, ", record %d", p.Record)
	}
	if p.Offset >= 0 {
		fmt.Fprintf(&b, ", offset %d", p.Offset)
	}
	if p.Time != 0 {
		fmt.Fprintf(&b, ", arrived %s", time.Unix(0, p.Time).UTC().Format(time.RFC3339Nano))
	}
	return b.String() + ": " + p.Detail
}

// Report summarises an intact archive.
type Report struct {
	Segments int
	// Records is the length of the chain; Present the records read (the rest
	// were removed by signed retention).
	Records, Present uint64
	Seals            int
	Bytes            int64
	Deleted          []DeletedSegment
	Recoveries       []Recovery
	Keys             []string
	// Unsealed counts records after the last seal (a crash before the next
	// start); ExternalSeals the witness seals checked.
	Unsealed      uint64
	ExternalSeals int
	LastSeal      *SealBody
}

// Visit is called for every record that verified, in chain order, with the
// arrival time of its block.
type Visit func(r Record, arrival int64) error

type verifier struct {
	dir   string
	keys  map[string]bool
	visit Visit
	rep   Report

	segs    []*scanned
	seals   []SignedSeal
	deleted map[uint64]DeletedSegment
}

// Verify checks every record hash, the chain, every seal's signature and
// continuity, and, with external (witness) seals, that nothing after the
// last local seal was cut off. It returns a *Problem naming the first place
// that is not intact.
func Verify(dir string, keys []ed25519.PublicKey, external []SignedSeal, visit Visit) (Report, error) {
	v := &verifier{dir: dir, keys: map[string]bool{}, visit: visit, deleted: map[uint64]DeletedSegment{}}
	for _, k := range keys {
		v.keys[FormatPublicKey(k)] = true
	}
	if len(v.keys) == 0 {
		return v.rep, errors.New("verify needs at least one public key")
	}
	if err := v.load(); err != nil {
		return v.rep, err
	}
	if err := v.checkSeals(); err != nil {
		return v.rep, err
	}
	if err := v.walk(); err != nil {
		return v.rep, err
	}
	if err := v.checkExternal(external); err != nil {
		return v.rep, err
	}
	return v.rep, nil
}

func (v *verifier) load() error {
	nums, err := listSegments(v.dir)
	if err != nil {
		return err
	}
	if len(nums) == 0 {
		return fmt.Errorf("%s holds no archive segments", v.dir)
	}
	for _, n := range nums {
		s, err := scanSegment(segmentPath(v.dir, n), n)
		if err != nil {
			return err
		}
		v.segs = append(v.segs, s)
		v.rep.Bytes += s.size
		for _, it := range s.items {
			if it.typ == frameSeal {
				v.seals = append(v.seals, it.seal)
			}
		}
	}
	v.rep.Segments = len(v.segs)
	return nil
}

// checkSeals verifies signatures, keys, hand-overs and the seal chain.
func (v *verifier) checkSeals() error {
	var prev *SignedSeal
	seen := map[string]bool{}
	for i := range v.seals {
		s := &v.seals[i]
		p := &Problem{Kind: KindBadSignature, Segment: s.Body.Segment, Record: -1, Offset: -1, Time: s.Body.Time}
		if !v.keys[s.Body.Key] {
			p.Detail = fmt.Sprintf("seal %d is signed with key %s, which was not given to verify", s.Body.Seq, s.Body.Key)
			return p
		}
		if err := s.checkSignature(); err != nil {
			p.Detail = fmt.Sprintf("seal %d: %v", s.Body.Seq, err)
			return p
		}
		if prev != nil {
			if s.Body.Seq != prev.Body.Seq+1 || s.Body.PrevSeal != prev.Hash() {
				p.Kind = KindMissing
				if n, ok := v.missingSegment(prev.Body.Segment, s.Body.Segment); ok {
					p.Segment, p.Time = n, 0
					p.Detail = fmt.Sprintf("the segment file is missing (seals %d..%d went with it) and no signed deletion names it", prev.Body.Seq+1, s.Body.Seq-1)
					return p
				}
				p.Detail = fmt.Sprintf("seal %d does not follow seal %d (a seal was removed, replaced or reordered)", s.Body.Seq, prev.Body.Seq)
				return p
			}
			want := prev.Body.Key
			if prev.Body.NextKey != "" {
				want = prev.Body.NextKey
			}
			if s.Body.Key != want {
				p.Detail = fmt.Sprintf("seal %d is signed with %s but seal %d allows only %s (no signed hand-over)", s.Body.Seq, s.Body.Key, prev.Body.Seq, want)
				return p
			}
		}
		if !seen[s.Body.Key] {
			seen[s.Body.Key] = true
			v.rep.Keys = append(v.rep.Keys, s.Body.Key)
		}
		for _, d := range s.Body.Deleted {
			v.deleted[d.Segment] = d
			v.rep.Deleted = append(v.rep.Deleted, d)
		}
		if s.Body.Recovered != nil {
			v.rep.Recoveries = append(v.rep.Recoveries, *s.Body.Recovered)
		}
		prev = s
	}
	v.rep.Seals = len(v.seals)
	if prev != nil {
		b := prev.Body
		v.rep.LastSeal = &b
	}
	if len(v.seals) > 0 && v.seals[0].Body.Seq != 1 && len(v.deleted) == 0 {
		s := v.seals[0]
		return &Problem{Kind: KindMissing, Segment: s.Body.Segment, Record: -1, Offset: -1,
			Detail: fmt.Sprintf("the first seal is seal %d; seals 1..%d are missing without a signed deletion", s.Body.Seq, s.Body.Seq-1)}
	}
	return nil
}

// missingSegment returns the first segment number between from and to
// (exclusive) that has no file.
func (v *verifier) missingSegment(from, to uint64) (uint64, bool) {
	have := map[uint64]bool{}
	for _, s := range v.segs {
		have[s.number] = true
	}
	for n := from + 1; n < to; n++ {
		if !have[n] {
			return n, true
		}
	}
	return 0, false
}

func (v *verifier) recoveredAt(seg uint64, valid int64) bool {
	for _, r := range v.rep.Recoveries {
		if r.Segment == seg && r.ValidBytes == valid {
			return true
		}
	}
	return false
}

// walk recomputes the chain over every present record.
func (v *verifier) walk() error {
	var next uint64
	var head Hash
	var expectSeg uint64 = 1
	lastSealRecords := uint64(0)
	for _, s := range v.segs {
		for ; expectSeg < s.number; expectSeg++ {
			d, ok := v.deleted[expectSeg]
			if !ok {
				return &Problem{Kind: KindMissing, Segment: expectSeg, Record: -1, Offset: -1,
					Detail: "the segment file is missing and no signed deletion names it"}
			}
			next = d.Records
			if h, err := hex.DecodeString(d.Head); err == nil {
				copy(head[:], h)
			}
		}
		expectSeg = s.number + 1
		if len(s.items) == 0 {
			return &Problem{Kind: KindModified, Segment: s.number, Record: -1, Offset: 0, Detail: "unreadable segment header: " + errString(s.tail)}
		}
		if s.header.Segment != s.number {
			return &Problem{Kind: KindReordered, Segment: s.number, Record: -1, Offset: 0,
				Detail: fmt.Sprintf("the file holds segment %d", s.header.Segment)}
		}
		if s.header.FirstIndex != next || s.header.Prev != head {
			return &Problem{Kind: KindMissing, Segment: s.number, Record: int64(next), Offset: 0,
				Detail: fmt.Sprintf("the segment starts at record %d but the chain is at record %d (records or a segment before it are missing)", s.header.FirstIndex, next)}
		}
		for _, it := range s.items[1:] {
			if it.bad != nil {
				return &Problem{Kind: KindModified, Segment: s.number, Record: int64(next), Offset: it.off, Time: it.block.Arrival,
					Detail: fmt.Sprintf("%v: the bytes of this frame were changed (the chain is at record %d)", it.bad, next)}
			}
			switch it.typ {
			case frameBlock:
				recs, err := blockRecords(it)
				if err != nil {
					return &Problem{Kind: KindModified, Segment: s.number, Record: int64(it.block.FirstIndex), Offset: it.off, Time: it.block.Arrival, Detail: "block: " + err.Error()}
				}
				for _, r := range recs {
					p := &Problem{Segment: s.number, Record: int64(r.Index), Offset: it.off, Time: it.block.Arrival}
					switch {
					case r.Index > next:
						p.Kind, p.Record = KindMissing, int64(next)
						p.Detail = fmt.Sprintf("records %d..%d are missing (the next record found is %d)", next, r.Index-1, r.Index)
						return p
					case r.Index < next:
						p.Kind = KindReordered
						p.Detail = fmt.Sprintf("record %d appears after record %d", r.Index, next-1)
						return p
					}
					h := chainHash(head, r.Index, r.Data)
					if h != r.Hash {
						p.Kind, p.Detail = KindModified, "the record's content does not match its hash"
						return p
					}
					head = h
					next++
					v.rep.Present++
					if v.visit != nil {
						if err := v.visit(r, it.block.Arrival); err != nil {
							return err
						}
					}
				}
			case frameSeal:
				b := it.seal.Body
				if b.Records != next || b.Head != hex.EncodeToString(head[:]) || b.Segment != s.number {
					return &Problem{Kind: KindModified, Segment: s.number, Record: int64(next) - 1, Offset: it.off, Time: b.Time,
						Detail: fmt.Sprintf("seal %d covers %d records with head %.16s…, but the records before it chain to %d with head %.16x… (records were modified, removed or inserted with rewritten hashes)", b.Seq, b.Records, b.Head, next, head[:8])}
				}
				lastSealRecords = next
			}
		}
		if s.tail != nil && !v.recoveredAt(s.number, s.validBytes) {
			kind := KindTruncated
			if errors.Is(s.tail, errTorn) && strings.Contains(s.tail.Error(), "checksum") {
				kind = KindModified
			}
			return &Problem{Kind: kind, Segment: s.number, Record: int64(next), Offset: s.validBytes,
				Detail: fmt.Sprintf("%v (%d bytes after the last good frame; no recovery seal covers them)", s.tail, s.size-s.validBytes)}
		}
	}
	if n := len(v.seals); n > 0 && v.seals[n-1].Body.Reason == ReasonSegment {
		last := v.segs[len(v.segs)-1]
		if v.seals[n-1].Body.Segment == last.number {
			return &Problem{Kind: KindTruncated, Segment: last.number + 1, Record: int64(next), Offset: -1,
				Detail: "the last seal closes its segment, but the segment that follows it is missing (the archive was cut off)"}
		}
	}
	v.rep.Records = next
	v.rep.Unsealed = next - lastSealRecords
	return nil
}

// checkExternal compares witness seals with the archive's own.
func (v *verifier) checkExternal(ext []SignedSeal) error {
	local := map[uint64]SignedSeal{}
	var maxLocal uint64
	for _, s := range v.seals {
		local[s.Body.Seq] = s
		maxLocal = max(maxLocal, s.Body.Seq)
	}
	sort.Slice(ext, func(i, j int) bool { return ext[i].Body.Seq < ext[j].Body.Seq })
	for _, e := range ext {
		p := &Problem{Kind: KindBadSignature, Segment: e.Body.Segment, Record: -1, Offset: -1, Time: e.Body.Time}
		if !v.keys[e.Body.Key] {
			p.Detail = fmt.Sprintf("witness seal %d is signed with key %s, which was not given to verify", e.Body.Seq, e.Body.Key)
			return p
		}
		if err := e.checkSignature(); err != nil {
			p.Detail = fmt.Sprintf("witness seal %d: %v", e.Body.Seq, err)
			return p
		}
		v.rep.ExternalSeals++
		if l, ok := local[e.Body.Seq]; ok {
			if string(l.Raw) != string(e.Raw) {
				p.Kind = KindModified
				p.Detail = fmt.Sprintf("witness seal %d differs from the archive's seal %d", e.Body.Seq, e.Body.Seq)
				return p
			}
			continue
		}
		if e.Body.Seq > maxLocal {
			p.Kind, p.Record = KindTruncated, int64(e.Body.Records)-1
			p.Detail = fmt.Sprintf("the witness holds seal %d (records up to %d) but the archive ends at seal %d: the archive was cut off", e.Body.Seq, e.Body.Records, maxLocal)
			return p
		}
		if _, ok := v.deleted[e.Body.Segment]; !ok {
			p.Kind = KindMissing
			p.Detail = fmt.Sprintf("witness seal %d is missing from the archive and its segment was not deleted by retention", e.Body.Seq)
			return p
		}
	}
	return nil
}

// ReadSeals reads witness seals from a file (one line each) or a directory
// of seal files.
func ReadSeals(path string) ([]SignedSeal, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "seal-*.txt"))
		if err != nil {
			return nil, err
		}
	}
	var out []SignedSeal
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			s, err := ParseSealLine([]byte(line))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			out = append(out, s)
		}
	}
	return out, nil
}

func errString(err error) string {
	if err == nil {
		return "empty"
	}
	return err.Error()
}
