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

// member is one source series feeding a group. Its live samples are
// samples[head:]; trimming advances head and appends compact, so a steady
// window costs no copying per evaluation.
type member struct {
	// The fields ingestion and evaluation read first, together.
	head     int
	samples  []sample
	lastSeen int64
	// sum of the live values, kept as samples come and go so that avg and
	// sum need not read the window; recomputed when the buffer compacts.
	sum  float64
	kind Kind

	id    uint64
	route uint64 // key of the route that feeds it
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
func (m *member) add(s sample, h *Histogram, keepOne bool) bool {
	live := m.live()
	if n := len(live); n > 0 {
		last := &live[n-1]
		if s.t < last.t {
			return false
		}
		if s.t == last.t || keepOne {
			m.sum += s.v - last.v
			*last = s
			if h != nil {
				m.hists[len(m.hists)-1] = h
			}
			return true
		}
	}
	if len(m.samples) == cap(m.samples) && m.head > 0 {
		n := copy(m.samples, live)
		m.samples = m.samples[:n]
		if len(m.hists) == n+m.head {
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
	for m.head < len(m.samples) && m.samples[m.head].t <= from {
		if m.head < len(m.hists) {
			m.hists[m.head] = nil
		}
		m.sum -= m.samples[m.head].v
		m.head++
	}
	if m.head == len(m.samples) {
		m.samples, m.head, m.sum = m.samples[:0], 0, 0
		if m.hists != nil {
			m.hists = m.hists[:0]
		}
	}
}

func cloneHist(h *Histogram) *Histogram {
	if h == nil {
		return nil
	}
	return &Histogram{Bounds: append([]float64(nil), h.Bounds...), Counts: append([]uint64(nil), h.Counts...), Count: h.Count, Sum: h.Sum}
}
