package maskingprocessor

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.opentelemetry.io/otel/sdk/metric/metricdata/metricdatatest"

	"github.com/otelcol-ems/otelcol-ems/processors/maskingprocessor/internal/metadatatest"
)

// nest puts leaf under depth levels of maps (and every fifth a slice).
func nest(v pcommon.Value, depth int, leaf func(pcommon.Map)) {
	for d := range depth {
		if d%5 == 4 {
			v = v.SetEmptySlice().AppendEmpty()
			continue
		}
		v = v.SetEmptyMap().PutEmpty("level")
	}
	leaf(v.SetEmptyMap())
}

// TestDeepBodiesFailClosed: a body nested past the depth limit never passes
// unmasked (issue #10 item 2); what lies below the limit is replaced whole
// and counted.
func TestDeepBodiesFailClosed(t *testing.T) {
	t.Parallel()
	tel := componenttest.NewTelemetry()
	t.Cleanup(func() { require.NoError(t, tel.Shutdown(context.Background())) })
	sink := new(consumertest.LogsSink)
	p, err := NewFactory().CreateLogs(context.Background(), metadatatest.NewSettings(tel), createDefaultConfig(), sink)
	require.NoError(t, err)

	ld := plog.NewLogs()
	lrs := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords()
	for _, depth := range []int{10, 63, 64, 65, 100, 300} {
		lr := lrs.AppendEmpty()
		nest(lr.Body(), depth, func(m pcommon.Map) {
			m.PutStr("msg", "login password=hunter2 mail kim@example.com card 4111 1111 1111 1111")
			m.PutStr("password", "Tiger#42")
			m.PutInt("pan", 4111111111111111)
		})
		nest(lr.Attributes().PutEmpty("deep"), depth, func(m pcommon.Map) { m.PutStr("email", "lee@example.com") })
	}
	require.NoError(t, p.ConsumeLogs(context.Background(), ld))
	got := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords()
	require.Equal(t, 6, got.Len())
	for i := range got.Len() {
		lr := got.At(i)
		all := lr.Body().AsString() + fmt.Sprint(lr.Attributes().AsRaw())
		for _, secret := range []string{"hunter2", "Tiger#42", "kim@example.com", "4111 1111 1111 1111", "4111111111111111", "lee@example.com"} {
			assert.NotContains(t, all, secret, "record %d", i)
		}
	}
	// Depths 10-63 are masked value by value; at 64 and deeper the value at
	// the limit is replaced whole, once per body and once per attribute.
	assert.NotContains(t, got.At(0).Body().AsString(), depthMask)
	assert.Contains(t, got.At(3).Body().AsString(), depthMask)
	metadatatest.AssertEqualProcessorMaskingMasked(t, tel, []metricdata.DataPoint[int64]{
		{Value: 4, Attributes: attribute.NewSet(attribute.String("detector", "email"))},
		{Value: 4, Attributes: attribute.NewSet(attribute.String("detector", "payment_card"))},
		{Value: 4, Attributes: attribute.NewSet(attribute.String("detector", "secret"))},
		{Value: 8, Attributes: attribute.NewSet(attribute.String("detector", depthLimitCounter))},
	}, metricdatatest.IgnoreTimestamp())
}
