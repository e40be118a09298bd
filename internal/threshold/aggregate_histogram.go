package threshold

import (
	"math"
	"slices"
)

// histAgg rules on histograms: the quantile of the observations in the
// window, or the share of them above a bound. Cumulative histograms are
// differenced like counters (resets included); delta histograms add up;
// members with the same bounds merge.
type histAgg struct {
	quantile float64
	share    bool
	above    float64
}

func (a histAgg) accepts(k Kind) bool { return k.histogram() }
func (a histAgg) keepOne() bool       { return false }
func (a histAgg) starts() bool        { return true }

func (a histAgg) value(members []*member, winStart int64) (float64, bool) {
	var acc *Histogram
	for _, m := range members {
		i := firstIn(m.live(), winStart)
		h := windowHist(m.live()[i:], m.liveHists()[i:], m.kind, winStart)
		if h == nil {
			continue
		}
		switch {
		case acc == nil:
			acc = h
		case slices.Equal(acc.Bounds, h.Bounds):
			addHist(acc, h)
		}
	}
	if acc == nil || acc.Count == 0 {
		return 0, false
	}
	if a.share {
		return shareAbove(acc, a.above), true
	}
	return bucketQuantile(acc, a.quantile), true
}

// windowHist returns the observations made over ss as one histogram.
func windowHist(ss []sample, hs []*Histogram, kind Kind, winStart int64) *Histogram {
	if len(ss) == 0 || len(hs) != len(ss) {
		return nil
	}
	var acc *Histogram
	if kind.delta() {
		for _, h := range hs {
			if acc == nil || !slices.Equal(acc.Bounds, h.Bounds) {
				acc = cloneHist(h)
				continue
			}
			addHist(acc, h)
		}
		return acc
	}
	first := ss[0]
	if first.start > winStart && first.start < first.t {
		acc = cloneHist(hs[0])
	}
	for i := 1; i < len(ss); i++ {
		a, b := hs[i-1], hs[i]
		reset := b.Count < a.Count || !slices.Equal(a.Bounds, b.Bounds) ||
			(ss[i-1].start != 0 && ss[i].start != 0 && ss[i-1].start != ss[i].start)
		switch {
		case acc == nil || !slices.Equal(acc.Bounds, b.Bounds):
			acc = &Histogram{Bounds: b.Bounds, Counts: make([]uint64, len(b.Counts))}
		}
		if reset {
			addHist(acc, b)
			continue
		}
		for j := range acc.Counts {
			acc.Counts[j] += b.Counts[j] - a.Counts[j]
		}
		acc.Count += b.Count - a.Count
		acc.Sum += b.Sum - a.Sum
	}
	return acc
}

func addHist(dst, h *Histogram) {
	for j := range dst.Counts {
		dst.Counts[j] += h.Counts[j]
	}
	dst.Count += h.Count
	dst.Sum += h.Sum
}

// bucketQuantile interpolates linearly inside the bucket holding the rank,
// as Prometheus's histogram_quantile does; the +Inf bucket answers with the
// highest finite bound.
func bucketQuantile(h *Histogram, q float64) float64 {
	var total uint64
	for _, c := range h.Counts {
		total += c
	}
	if total == 0 {
		return math.NaN()
	}
	rank := q * float64(total)
	var cum float64
	for i, c := range h.Counts {
		if cum+float64(c) < rank || c == 0 {
			cum += float64(c)
			continue
		}
		if i == len(h.Bounds) {
			break
		}
		upper := h.Bounds[i]
		lower := 0.0
		if i > 0 {
			lower = h.Bounds[i-1]
		} else if upper <= 0 {
			return upper
		}
		return lower + (upper-lower)*(rank-cum)/float64(c)
	}
	if len(h.Bounds) == 0 {
		return math.NaN()
	}
	return h.Bounds[len(h.Bounds)-1]
}

// shareAbove is the fraction of observations greater than x, interpolating
// linearly inside the bucket that holds x. Observations in the +Inf bucket
// all count as above.
func shareAbove(h *Histogram, x float64) float64 {
	var total, above float64
	for i, c := range h.Counts {
		fc := float64(c)
		total += fc
		lower := math.Inf(-1)
		if i > 0 {
			lower = h.Bounds[i-1]
		}
		if i == len(h.Bounds) || lower >= x {
			above += fc
			continue
		}
		upper := h.Bounds[i]
		if upper <= x {
			continue
		}
		if math.IsInf(lower, -1) {
			lower = math.Min(0, upper)
			if x < lower {
				above += fc
				continue
			}
		}
		above += fc * (upper - x) / (upper - lower)
	}
	if total == 0 {
		return math.NaN()
	}
	return above / total
}
