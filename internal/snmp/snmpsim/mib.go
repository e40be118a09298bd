package snmpsim

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gosnmp/gosnmp"
)

// MIB is an immutable, ordered set of objects that answers GET and GETNEXT.
type MIB struct {
	pdus []gosnmp.SnmpPDU
	keys [][]uint32
	byID map[string]int
}

// NewMIB returns a MIB holding pdus (names with a leading dot).
func NewMIB(pdus []gosnmp.SnmpPDU) *MIB {
	m := &MIB{pdus: slices.Clone(pdus), byID: make(map[string]int, len(pdus))}
	slices.SortFunc(m.pdus, func(a, b gosnmp.SnmpPDU) int { return slices.Compare(ParseOID(a.Name), ParseOID(b.Name)) })
	m.keys = make([][]uint32, len(m.pdus))
	for i := range m.pdus {
		m.keys[i] = ParseOID(m.pdus[i].Name)
		m.byID[m.pdus[i].Name] = i
	}
	return m
}

// Len returns the number of objects.
func (m *MIB) Len() int { return len(m.pdus) }

// PDUs returns the objects in OID order; do not modify them.
func (m *MIB) PDUs() []gosnmp.SnmpPDU { return m.pdus }

// Get returns the object oid.
func (m *MIB) Get(oid string) (gosnmp.SnmpPDU, bool) {
	i, ok := m.byID[oid]
	if !ok {
		return gosnmp.SnmpPDU{}, false
	}
	return m.pdus[i], true
}

// Next returns the first object after oid.
func (m *MIB) Next(oid string) (gosnmp.SnmpPDU, bool) {
	k := ParseOID(oid)
	i, found := slices.BinarySearchFunc(m.keys, k, slices.Compare[[]uint32])
	if found {
		i++
	}
	if i >= len(m.pdus) {
		return gosnmp.SnmpPDU{}, false
	}
	return m.pdus[i], true
}

// ParseOID parses a dotted OID; bad parts become 0.
func ParseOID(oid string) []uint32 {
	oid = strings.TrimPrefix(oid, ".")
	if oid == "" {
		return nil
	}
	parts := strings.Split(oid, ".")
	out := make([]uint32, len(parts))
	for i, p := range parts {
		v, _ := strconv.ParseUint(p, 10, 32)
		out[i] = uint32(v)
	}
	return out
}
