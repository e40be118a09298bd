package badgerdb

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckOneOf(t *testing.T) {
	t.Parallel()
	assert.NoError(t, CheckOneOf("durability", DurabilityNever, DurabilityAlways, DurabilityNever))
	assert.EqualError(t, CheckOneOf("durability", Durability("sometimes"), DurabilityAlways, DurabilityNever),
		`durability must be one of always, never; got "sometimes"`)
}
