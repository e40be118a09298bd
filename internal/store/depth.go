package store

import "go.opentelemetry.io/collector/pdata/pcommon"

// maxValueDepth is how many nested AnyValue, ArrayValue, KeyValueList and
// KeyValue messages pdata's protobuf reader follows (its RecursionLimit):
// a record with a longer path is written but can never be read back, so
// the store refuses it at write time and counts it (TooDeep). In kvlist
// terms a body may nest 33 maps, an attribute 32.
const maxValueDepth = 100

// valueTooDeep reports whether v, entered as the depth-th such message,
// nests past maxValueDepth. Scalars cost one type check.
func valueTooDeep(v pcommon.Value, depth int) bool {
	if depth > maxValueDepth {
		return true
	}
	switch v.Type() {
	case pcommon.ValueTypeMap:
		// AnyValue, KeyValueList, then each KeyValue.
		return mapTooDeep(v.Map(), depth+2)
	case pcommon.ValueTypeSlice:
		s := v.Slice()
		if depth+1 > maxValueDepth && s.Len() > 0 {
			return true
		}
		for i := 0; i < s.Len(); i++ {
			if valueTooDeep(s.At(i), depth+2) {
				return true
			}
		}
	}
	return false
}

// mapTooDeep reports whether the key-value pairs of m, entered as the
// depth-th message, nest past maxValueDepth.
func mapTooDeep(m pcommon.Map, depth int) bool {
	if m.Len() == 0 {
		return false
	}
	if depth > maxValueDepth {
		return true
	}
	deep := false
	m.Range(func(_ string, v pcommon.Value) bool {
		deep = valueTooDeep(v, depth+1)
		return !deep
	})
	return deep
}

// attrsTooDeep reports whether a record's attributes nest too deep.
func attrsTooDeep(m pcommon.Map) bool { return mapTooDeep(m, 1) }
