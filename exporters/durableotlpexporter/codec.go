package durableotlpexporter

import (
	"fmt"

	"google.golang.org/grpc/encoding"
	"google.golang.org/grpc/mem"
)

// rawCodec sends a request that is already OTLP protobuf bytes as it is and
// hands the response back as bytes: the queue's bytes go to the wire with no
// unmarshal and no second marshal.
type rawCodec struct{}

var _ encoding.CodecV2 = rawCodec{}

func (rawCodec) Marshal(v any) (mem.BufferSlice, error) {
	b, ok := v.([]byte)
	if !ok {
		return nil, fmt.Errorf("durable_otlp raw codec: cannot send a %T, only []byte", v)
	}
	return mem.BufferSlice{mem.SliceBuffer(b)}, nil
}

func (rawCodec) Unmarshal(data mem.BufferSlice, v any) error {
	p, ok := v.(*[]byte)
	if !ok {
		return fmt.Errorf("durable_otlp raw codec: cannot decode into a %T, only *[]byte", v)
	}
	*p = data.Materialize()
	return nil
}

// Name is the content-subtype the backend sees: application/grpc+proto, as
// the bytes are protobuf.
func (rawCodec) Name() string { return "proto" }
