package testutil

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/collector/pdata/pmetric"
)

func TestNumberPoints(t *testing.T) {
	t.Parallel()
	ms := pmetric.NewMetricSlice()
	ms.AppendEmpty().SetEmptyGauge().DataPoints().AppendEmpty().SetIntValue(1)
	sum := ms.AppendEmpty().SetEmptySum().DataPoints()
	sum.AppendEmpty().SetIntValue(2)
	sum.AppendEmpty().SetIntValue(3)
	ms.AppendEmpty().SetEmptyHistogram().DataPoints().AppendEmpty()
	assert.Equal(t, 1, NumberPoints(ms.At(0)).Len())
	assert.Equal(t, int64(3), NumberPoints(ms.At(1)).At(1).IntValue())
	assert.Zero(t, NumberPoints(ms.At(2)).Len())
}
