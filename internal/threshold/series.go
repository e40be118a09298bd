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

// sample holds no pointer, so the GC never scans the sample buffers. The
// rules that read start times (rate, delta, histograms) keep samples; the
// others keep tv, a third smaller.
type sample struct {
	t, start int64
	v        float64
}

type tv struct {
	t int64
	v float64
}

func (s sample) time() int64 { return s.t }
func (s tv) time() int64     { return s.t }

// member is one source series feeding a group. Members live by value in
// their rule's arena (see ruleSeries) and are linked into their group by
// index. Its live samples are tvs[head:], or ext.samples[head:] for rules
// that read start times; trimming advances head and appends compact, so a
// steady window costs no copying per evaluation. A member of a rule that
// keeps one sample (last) has no buffer: its sample is lastT/lastV. The
// newest and oldest live sample times are kept here, so evaluation reads
// the buffer only when something expires.
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

	tvs   []tv
	ext   *memberExt // rules that read start times
	id    uint64
	route uint64 // key of the route that feeds it
}

// memberExt is the buffer of a member whose rule reads start times.
type memberExt struct {
	samples []sample
	// hists is aligned with samples, for histogram members only.
	hists []*Histogram
}

// live returns the live samples of a member that keeps start times.
func (m *member) live() []sample { return m.ext.samples[m.head:] }

// liveTV returns the live samples of a member that does not.
func (m *member) liveTV() []tv { return m.tvs[m.head:] }

func (m *member) liveHists() []*Histogram {
	x := m.ext
	if len(x.hists) != len(x.samples) {
		return nil // not a histogram member, or its kind changed
	}
	return x.hists[m.head:]
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
			if x := m.ext; x != nil {
				x.samples[len(x.samples)-1] = s
				if h != nil {
					x.hists[len(x.hists)-1] = h
				}
			} else {
				m.tvs[len(m.tvs)-1] = tv{s.t, s.v}
			}
			return true
		}
	}
	if m.one {
		m.n, m.firstT, m.lastT, m.lastV, m.sum = 1, s.t, s.t, s.v, s.v
		return true
	}
	if x := m.ext; x != nil {
		m.addExt(x, s, h)
	} else {
		if len(m.tvs) == cap(m.tvs) && m.head > 0 {
			m.tvs = m.tvs[:copy(m.tvs, m.liveTV())]
			m.head = 0
			m.sum = 0
			for _, x := range m.tvs {
				m.sum += x.v
			}
		}
		m.tvs = append(m.tvs, tv{s.t, s.v})
	}
	m.sum += s.v
	if m.n == 0 {
		m.firstT = s.t
	}
	m.n++
	m.lastT, m.lastV = s.t, s.v
	return true
}

func (m *member) addExt(x *memberExt, s sample, h *Histogram) {
	if len(x.samples) == cap(x.samples) && m.head > 0 {
		n := copy(x.samples, m.live())
		x.samples = x.samples[:n]
		if len(x.hists) == n+int(m.head) {
			copy(x.hists, x.hists[m.head:])
			clear(x.hists[n:])
			x.hists = x.hists[:n]
		} else {
			x.hists = nil
		}
		m.head = 0
		m.sum = 0
		for _, x := range x.samples {
			m.sum += x.v
		}
	}
	x.samples = append(x.samples, s)
	if h != nil {
		for len(x.hists) < len(x.samples)-1 {
			x.hists = append(x.hists, nil)
		}
		x.hists = append(x.hists, h)
	}
}

// headTime returns the oldest live sample's time from the buffer.
func (m *member) headTime() int64 {
	if m.ext != nil {
		return m.ext.samples[m.head].t
	}
	return m.tvs[m.head].t
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
	if x := m.ext; x != nil {
		for int(m.head) < len(x.samples) && x.samples[m.head].t <= from {
			if int(m.head) < len(x.hists) {
				x.hists[m.head] = nil
			}
			m.sum -= x.samples[m.head].v
			m.head++
			m.n--
		}
		if m.n == 0 {
			x.samples = x.samples[:0]
			if x.hists != nil {
				x.hists = x.hists[:0]
			}
		}
	} else {
		for int(m.head) < len(m.tvs) && m.tvs[m.head].t <= from {
			m.sum -= m.tvs[m.head].v
			m.head++
			m.n--
		}
		if m.n == 0 {
			m.tvs = m.tvs[:0]
		}
	}
	if m.n == 0 {
		m.head, m.sum = 0, 0
		return
	}
	m.firstT = m.headTime()
}

func cloneHist(h *Histogram) *Histogram {
	if h == nil {
		return nil
	}
	return &Histogram{Bounds: append([]float64(nil), h.Bounds...), Counts: append([]uint64(nil), h.Counts...), Count: h.Count, Sum: h.Sum}
}
