package archive

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
)

// indexFile caches, per closed segment, where the chain stands at its end,
// so that a start does not read a years-long archive. It is derived data:
// an entry is used only while the segment's size matches, the verifier
// never reads it, and losing it costs one full scan.
const indexFile = "closed-segments.idx"

type indexEntry struct {
	Segment    uint64 `json:"segment"`
	Size       int64  `json:"size"`
	FirstIndex uint64 `json:"first_index"`
	Records    uint64 `json:"records"`
	Head       string `json:"head"`
	LastTime   int64  `json:"last_time"`
	Seal       string `json:"seal,omitempty"` // the segment's last seal line
}

func readIndex(dir string) map[uint64]indexEntry {
	out := map[uint64]indexEntry{}
	f, err := os.Open(filepath.Join(dir, indexFile))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e indexEntry
		if json.Unmarshal(sc.Bytes(), &e) == nil {
			out[e.Segment] = e
		}
	}
	return out
}

// appendIndex adds an entry; a failure only costs a scan at the next start.
func (w *Writer) appendIndex(e indexEntry) {
	b, err := json.Marshal(e)
	if err != nil {
		return
	}
	f, err := os.OpenFile(filepath.Join(w.opts.Dir, indexFile), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	_, _ = f.Write(append(b, '\n'))
	_ = f.Close()
}

func (w *Writer) useIndexEntry(e indexEntry) error {
	info := segInfo{number: e.Segment, firstIndex: e.FirstIndex, records: e.Records, lastTime: e.LastTime}
	h, err := hex.DecodeString(e.Head)
	if err != nil || len(h) != len(info.head) {
		return os.ErrInvalid
	}
	copy(info.head[:], h)
	if e.Seal != "" {
		ss, err := ParseSealLine([]byte(e.Seal))
		if err != nil {
			return err
		}
		w.lastSeal = &ss
	}
	w.segs = append(w.segs, info)
	w.pending, w.from, w.to = 0, 0, 0
	return nil
}

func sealLine(s *SignedSeal) string {
	if s == nil {
		return ""
	}
	return string(s.Line())
}

func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return st.Size()
}
