//go:build integration

package e2e

import (
	"net/http"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/pdata/pmetric"

	"github.com/otelcol-ems/otelcol-ems/internal/testutil"
)

// wasPoll is one poll of one target as the sink received it.
type wasPoll struct {
	at       time.Time
	resource map[string]any
	points   map[string][]pmetric.NumberDataPoint
}

// wasPolls groups what the sink holds by the was.target resource attribute,
// each target's polls in time order.
func wasPolls(md []pmetric.Metrics) map[string][]wasPoll {
	out := map[string][]wasPoll{}
	for _, m := range md {
		for i := 0; i < m.ResourceMetrics().Len(); i++ {
			rm := m.ResourceMetrics().At(i)
			target, ok := rm.Resource().Attributes().Get("was.target")
			if !ok {
				continue
			}
			p := wasPoll{resource: rm.Resource().Attributes().AsRaw(), points: map[string][]pmetric.NumberDataPoint{}}
			ms := rm.ScopeMetrics().At(0).Metrics()
			for k := 0; k < ms.Len(); k++ {
				dps := testutil.NumberPoints(ms.At(k))
				for d := 0; d < dps.Len(); d++ {
					p.points[ms.At(k).Name()] = append(p.points[ms.At(k).Name()], dps.At(d))
				}
			}
			if up := p.points["was.up"]; len(up) > 0 {
				p.at = up[0].Timestamp().AsTime()
			}
			out[target.Str()] = append(out[target.Str()], p)
		}
	}
	for _, ps := range out {
		sort.Slice(ps, func(i, j int) bool { return ps[i].at.Before(ps[j].at) })
	}
	return out
}

// value is the value of the named metric's point with attrs; ok is false
// when there is none.
func (p wasPoll) value(name string, attrs map[string]string) (float64, bool) {
	dp, ok := pointWith(p.points[name], attrs)
	if !ok {
		return 0, false
	}
	return num(dp), true
}

func (p wasPoll) up() int64 {
	if up := p.points["was.up"]; len(up) > 0 {
		return up[0].IntValue()
	}
	return -1
}

// waitPollAfter waits for a poll of target that ended after t and returns
// its index in the target's polls.
func waitPollAfter(t *testing.T, sinkMetrics func() []pmetric.Metrics, target string, after time.Time) (int, []wasPoll) {
	t.Helper()
	var idx int
	var polls []wasPoll
	require.Eventually(t, func() bool {
		polls = wasPolls(sinkMetrics())[target]
		for i, p := range polls {
			if p.at.After(after) && p.up() == 1 {
				idx = i
				return true
			}
		}
		return false
	}, 60*time.Second, 200*time.Millisecond, "no poll of %s after %s", target, after)
	return idx, polls
}

// hit sends n GET requests and checks each one's status.
func hit(t *testing.T, url string, n, wantStatus int) {
	t.Helper()
	for range n {
		resp, err := http.Get(url) // a new client session each time: no cookie jar
		require.NoError(t, err)
		_ = resp.Body.Close()
		require.Equal(t, wantStatus, resp.StatusCode, url)
	}
}
