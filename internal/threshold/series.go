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

type sample struct {
	t, start int64
	v        float64
	h        *Histogram
}

// member is one source series feeding a group.
type member struct {
	id       uint64
	kind     Kind
	samples  []sample
	lastSeen int64
}

// add appends a sample in time order; it reports false for an out-of-order
// point (older than the newest kept one).
func (m *member) add(s sample, keepOne bool) bool {
	n := len(m.samples)
	if n > 0 {
		last := &m.samples[n-1]
		switch {
		case s.t < last.t:
			return false
		case s.t == last.t:
			*last = s
			return true
		}
	}
	if keepOne && n == 1 {
		m.samples[0] = s
	} else {
		m.samples = append(m.samples, s)
	}
	return true
}

// trim drops samples at or before from, reusing the backing array.
func (m *member) trim(from int64) {
	i := 0
	for i < len(m.samples) && m.samples[i].t <= from {
		i++
	}
	if i == 0 {
		return
	}
	n := copy(m.samples, m.samples[i:])
	clear(m.samples[n:])
	m.samples = m.samples[:n]
	if n == 0 && cap(m.samples) > 64 {
		m.samples = nil
	}
}

func cloneHist(h *Histogram) *Histogram {
	if h == nil {
		return nil
	}
	return &Histogram{Bounds: append([]float64(nil), h.Bounds...), Counts: append([]uint64(nil), h.Counts...), Count: h.Count, Sum: h.Sum}
}
