package threshold

import (
	"errors"
	"fmt"
	"math"
)

// aggregator turns the samples of a group's members inside the window into
// one value. Each kind lives in its own file.
type aggregator interface {
	// value computes the aggregate; winStart is exclusive. ok is false when
	// the window holds too little data.
	value(members []*member, winStart int64) (v float64, ok bool)
	// accepts reports whether points of the kind can feed the aggregate.
	accepts(k Kind) bool
	// keepOne is true when only the newest sample matters.
	keepOne() bool
	// starts is true when the aggregate reads the samples' start times.
	starts() bool
}

func newAggregator(name string, q, above float64) (aggregator, error) {
	switch name {
	case AggLast, AggAvg, AggMin, AggMax, AggSum:
		return gaugeAgg{op: name}, nil
	case AggRate, AggDelta:
		return counterAgg{rate: name == AggRate}, nil
	case AggQuantile:
		if !(q >= 0 && q <= 1) {
			return nil, fmt.Errorf("quantile %v is not in [0, 1]", q)
		}
		return histAgg{quantile: q}, nil
	case AggBucketShare:
		if math.IsNaN(above) {
			return nil, errors.New("above is NaN")
		}
		return histAgg{share: true, above: above}, nil
	}
	return nil, fmt.Errorf("%q is not one of last, avg, min, max, sum, rate, delta, quantile, bucket_share", name)
}
