package threshold

// counterAgg is rate (per second) or delta (increase) of counters over the
// window. Cumulative counters: a value that drops, or a start time that
// changes, is a reset and the new value counts from zero; a counter whose
// start time lies inside the window counts from zero at that start. Delta
// counters add up. Across members the increases and rates add up.
type counterAgg struct{ rate bool }

func (a counterAgg) accepts(k Kind) bool { return !k.histogram() }
func (a counterAgg) keepOne() bool       { return false }
func (a counterAgg) starts() bool        { return true }

func (a counterAgg) value(members []*member, winStart int64) (float64, bool) {
	var acc float64
	n := 0
	for _, m := range members {
		inc, span, ok := increase(m.live()[firstIn(m.live(), winStart):], m.kind, winStart)
		if !ok {
			continue
		}
		n++
		if a.rate {
			acc += inc / (float64(span) / 1e9)
		} else {
			acc += inc
		}
	}
	return acc, n > 0
}

// increase returns the counter's increase over ss and the time it covers.
func increase(ss []sample, kind Kind, winStart int64) (inc float64, span int64, ok bool) {
	if len(ss) == 0 {
		return 0, 0, false
	}
	first, last := ss[0], ss[len(ss)-1]
	if kind.delta() {
		for _, s := range ss {
			inc += s.v
		}
		from := winStart
		if first.start > winStart {
			from = first.start
		}
		return inc, last.t - from, last.t > from
	}
	from := first.t
	if first.start > winStart && first.start < first.t {
		inc, from = first.v, first.start
	}
	for i := 1; i < len(ss); i++ {
		a, b := ss[i-1], ss[i]
		if b.v < a.v || (a.start != 0 && b.start != 0 && b.start != a.start) {
			inc += b.v
		} else {
			inc += b.v - a.v
		}
	}
	span = last.t - from
	return inc, span, span > 0
}
