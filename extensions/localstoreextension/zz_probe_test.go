package localstoreextension

import (
	"testing"

	"go.opentelemetry.io/collector/confmap"
)

func TestProbeIsSet(t *testing.T) {
	c := confmap.NewFromStringMap(map[string]any{"bearer_token": nil, "x": ""})
	t.Logf("nil: %v empty: %v absent: %v", c.IsSet("bearer_token"), c.IsSet("x"), c.IsSet("y"))
	sub, _ := c.Sub("bearer_token")
	t.Logf("%v", sub.ToStringMap())
}
