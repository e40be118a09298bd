package threshold

// Kind is the kind of metric a point comes from.
type Kind uint8

// Kinds of points.
const (
	Gauge Kind = iota
	CumulativeSum
	DeltaSum
	CumulativeHistogram
	DeltaHistogram
)

func (k Kind) histogram() bool { return k == CumulativeHistogram || k == DeltaHistogram }
func (k Kind) delta() bool     { return k == DeltaSum || k == DeltaHistogram }

// Histogram is an explicit-bucket histogram point: Counts has one more
// entry than Bounds (the +Inf bucket), bucket i counts values in
// (Bounds[i-1], Bounds[i]].
type Histogram struct {
	Bounds []float64
	Counts []uint64
	Count  uint64
	Sum    float64
}

// Point is one data point handed to the engine. Times are Unix nanoseconds;
// Start is the point's start time (0 when unknown).
type Point struct {
	Attrs []KV
	Time  int64
	Start int64
	Value float64
	// Hist is set for histogram kinds; the engine copies what it keeps.
	Hist *Histogram
}

// sample holds no pointer, so the GC never scans the sample buffers.
type sample struct {
	t, start int64
	v        float64
}

// member is one source series feeding a group. Members live by value in
// their rule's arena (see ruleSeries) and are linked into their group by
// index. Its live samples are samples[head:]; trimming advances head and
// appends compact, so a steady window costs no copying per evaluation. A
// member of a rule that keeps one sample (last) has no buffer: its sample
// is lastT/lastV. The newest and oldest live sample times are kept here, so
// evaluation reads the buffer only when something expires.
type member struct {
	// What ingestion and evaluation read, on the first cache line.
	gen      uint32 // bumped when the slot is freed; targets carry it
	next     int32  // next member of the group, -1 at the end
	head     int32
	n        int32 // live samples
	lastSeen int64
	// sum of the live values, kept as samples come and go so that avg and
	// sum need not read the window; recomputed when the buffer compacts.
	sum    float64
	firstT int64 // oldest live sample's time, if n > 0
	lastT  int64 // newest live sample's time and value, if n > 0
	lastV  float64
	kind   Kind
	one    bool // keeps only its newest sample, inline
	used   bool
	group  int32

	samples []sample
	id      uint64
	route   uint64 // key of the route that feeds it
	// hists is aligned with samples, for histogram members only.
	hists []*Histogram
}

func (m *member) live() []sample { return m.samples[m.head:] }

func (m *member) liveHists() []*Histogram {
	if len(m.hists) != len(m.samples) {
		return nil // not a histogram member, or its kind changed
	}
	return m.hists[m.head:]
}

// add appends a sample in time order; it reports false for an out-of-order
// point (older than the newest kept one).
func (m *member) add(s sample, h *Histogram) bool {
	if m.n > 0 {
		if s.t < m.lastT {
			return false
		}
		if s.t == m.lastT || m.one {
			m.sum += s.v - m.lastV
			m.lastT, m.lastV = s.t, s.v
			if m.one {
				m.firstT = s.t
				return true
			}
			m.samples[len(m.samples)-1] = s
			if h != nil {
				m.hists[len(m.hists)-1] = h
			}
			return true
		}
	}
	if m.one {
		m.n, m.firstT, m.lastT, m.lastV, m.sum = 1, s.t, s.t, s.v, s.v
		return true
	}
	if len(m.samples) == cap(m.samples) && m.head > 0 {
		live := m.live()
		n := copy(m.samples, live)
		m.samples = m.samples[:n]
		if len(m.hists) == n+int(m.head) {
			copy(m.hists, m.hists[m.head:])
			clear(m.hists[n:])
			m.hists = m.hists[:n]
		} else {
			m.hists = nil
		}
		m.head = 0
		m.sum = 0
		for _, x := range m.samples {
			m.sum += x.v
		}
	}
	m.samples = append(m.samples, s)
	m.sum += s.v
	if m.n == 0 {
		m.firstT = s.t
	}
	m.n++
	m.lastT, m.lastV = s.t, s.v
	if h != nil {
		for len(m.hists) < len(m.samples)-1 {
			m.hists = append(m.hists, nil)
		}
		m.hists = append(m.hists, h)
	}
	return true
}

// trim drops samples at or before from.
func (m *member) trim(from int64) {
	if m.n == 0 || m.firstT > from {
		return
	}
	if m.one {
		m.n, m.sum = 0, 0
		return
	}
	for int(m.head) < len(m.samples) && m.samples[m.head].t <= from {
		if int(m.head) < len(m.hists) {
			m.hists[m.head] = nil
		}
		m.sum -= m.samples[m.head].v
		m.head++
		m.n--
	}
	if m.n == 0 {
		m.samples, m.head, m.sum = m.samples[:0], 0, 0
		if m.hists != nil {
			m.hists = m.hists[:0]
		}
		return
	}
	m.firstT = m.samples[m.head].t
}

func cloneHist(h *Histogram) *Histogram {
	if h == nil {
		return nil
	}
	return &Histogram{Bounds: append([]float64(nil), h.Bounds...), Counts: append([]uint64(nil), h.Counts...), Count: h.Count, Sum: h.Sum}
}
