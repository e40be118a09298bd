package store

import (
	"slices"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// Resource is a resource seen in the store with its counts per signal.
type Resource struct {
	// Attributes are the resource attributes.
	Attributes pcommon.Map
	// Service, Host and Device are service.name, host.name and device.id.
	Service, Host, Device string
	// LastSeen is the newest record time of the resource.
	LastSeen time.Time
	// Counts is the number of stored records per signal.
	Counts map[Signal]int64
}

// Resources returns the resources with data in the store, most recently seen
// first. Counts cover the data still retained.
func (s *Store) Resources() ([]Resource, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	type agg struct {
		proto    []byte
		lastSeen uint64
		counts   map[Signal]int64
	}
	byRes := map[uint64]*agg{}
	s.mu.Lock()
	for k, st := range s.stats {
		a := byRes[k.res]
		if a == nil {
			a = &agg{proto: st.resource, counts: map[Signal]int64{}}
			byRes[k.res] = a
		}
		a.counts[k.sig] += st.count
		a.lastSeen = max(a.lastSeen, st.lastSeen)
	}
	s.mu.Unlock()
	var um plog.ProtoUnmarshaler
	out := make([]Resource, 0, len(byRes))
	for _, a := range byRes {
		r := Resource{Attributes: pcommon.NewMap(), LastSeen: time.Unix(0, int64(a.lastSeen)).UTC(), Counts: a.counts}
		if ld, err := um.UnmarshalLogs(a.proto); err == nil && ld.ResourceLogs().Len() == 1 {
			ld.ResourceLogs().At(0).Resource().Attributes().CopyTo(r.Attributes)
		}
		r.Service = attrString(r.Attributes, "service.name")
		r.Host = attrString(r.Attributes, "host.name")
		r.Device = attrString(r.Attributes, "device.id")
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Resource) int {
		if c := b.LastSeen.Compare(a.LastSeen); c != 0 {
			return c
		}
		return strings.Compare(a.Service+a.Host+a.Device, b.Service+b.Host+b.Device)
	})
	return out, nil
}

func attrString(m pcommon.Map, k string) string {
	if v, ok := m.Get(k); ok {
		return v.AsString()
	}
	return ""
}
