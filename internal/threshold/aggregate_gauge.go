package threshold

import "math"

// gaugeAgg is last, avg, min, max or sum over the raw values. Across the
// members of a group avg averages the members' averages, min and max take
// the extremes, and sum and last add up.
type gaugeAgg struct{ op string }

func (a gaugeAgg) accepts(k Kind) bool { return !k.histogram() }
func (a gaugeAgg) keepOne() bool       { return a.op == AggLast }
func (a gaugeAgg) starts() bool        { return false }

func (a gaugeAgg) value(members []*member, winStart int64) (float64, bool) {
	var acc float64
	n := 0
	switch a.op {
	case AggMin:
		acc = math.Inf(1)
	case AggMax:
		acc = math.Inf(-1)
	}
	for _, m := range members {
		v, ok := a.one(m, winStart)
		if !ok {
			continue
		}
		n++
		switch a.op {
		case AggMin:
			acc = math.Min(acc, v)
		case AggMax:
			acc = math.Max(acc, v)
		default:
			acc += v
		}
	}
	if n == 0 {
		return 0, false
	}
	if a.op == AggAvg {
		acc /= float64(n)
	}
	return acc, true
}

func (a gaugeAgg) one(m *member, winStart int64) (float64, bool) {
	if m.n == 0 || m.lastT <= winStart {
		return 0, false
	}
	// The member keeps its newest sample and its oldest sample's time, so
	// last, and avg and sum of a trimmed window, need not read the buffer.
	switch {
	case a.op == AggLast:
		return m.lastV, true
	case m.firstT > winStart && a.op == AggAvg:
		return m.sum / float64(m.n), true
	case m.firstT > winStart && a.op == AggSum:
		return m.sum, true
	}
	ss := m.liveTV()
	ss = ss[firstIn(ss, winStart):]
	switch a.op {
	case AggMin:
		v := ss[0].v
		for _, s := range ss[1:] {
			v = math.Min(v, s.v)
		}
		return v, true
	case AggMax:
		v := ss[0].v
		for _, s := range ss[1:] {
			v = math.Max(v, s.v)
		}
		return v, true
	}
	var sum float64
	for _, s := range ss {
		sum += s.v
	}
	if a.op == AggAvg {
		return sum / float64(len(ss)), true
	}
	return sum, true
}

// firstIn returns the index of the first sample after winStart.
func firstIn[S interface{ time() int64 }](ss []S, winStart int64) int {
	i := 0
	for i < len(ss) && ss[i].time() <= winStart {
		i++
	}
	return i
}
