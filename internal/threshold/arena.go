package threshold

// ruleSeries holds one rule's alert series (groups) and their source series
// (members) by value, in two slices indexed by int32, so the evaluation
// walks memory in order instead of chasing pointers. Freed slots are reused;
// a member's gen changes when its slot is freed, so a cached target that
// names the slot and the old gen is recognised as stale.
type ruleSeries struct {
	index   map[uint64]int32 // group key → slot
	groups  []group
	members []member
	freeG   []int32
	freeM   []int32
}

func (rs *ruleSeries) newGroup(g group) int32 {
	g.first, g.last, g.used = -1, -1, true
	if n := len(rs.freeG); n > 0 {
		i := rs.freeG[n-1]
		rs.freeG = rs.freeG[:n-1]
		rs.groups[i] = g
		return i
	}
	rs.groups = append(rs.groups, g)
	return int32(len(rs.groups) - 1)
}

func (rs *ruleSeries) dropGroup(i int32) {
	delete(rs.index, rs.groups[i].key)
	rs.groups[i] = group{first: -1, last: -1}
	rs.freeG = append(rs.freeG, i)
}

// newMember appends a member to group gi; a reused slot keeps its sample
// buffer's capacity.
func (rs *ruleSeries) newMember(gi int32, id uint64, kind Kind, one, starts bool) int32 {
	var i int32
	if n := len(rs.freeM); n > 0 {
		i = rs.freeM[n-1]
		rs.freeM = rs.freeM[:n-1]
	} else {
		rs.members = append(rs.members, member{})
		i = int32(len(rs.members) - 1)
	}
	m := &rs.members[i]
	tvs := m.tvs[:0]
	*m = member{gen: m.gen, next: -1, kind: kind, one: one, used: true, group: gi, id: id}
	switch {
	case starts:
		m.ext = &memberExt{}
	case !one:
		m.tvs = tvs
	}
	g := &rs.groups[gi]
	if g.last < 0 {
		g.first = i
	} else {
		rs.members[g.last].next = i
	}
	g.last = i
	return i
}

// member finds the member id of group gi, or -1.
func (rs *ruleSeries) member(gi int32, id uint64) int32 {
	for i := rs.groups[gi].first; i >= 0; i = rs.members[i].next {
		if rs.members[i].id == id {
			return i
		}
	}
	return -1
}

// dropMember frees slot i, which the caller has unlinked from its group.
func (rs *ruleSeries) dropMember(i int32) {
	m := &rs.members[i]
	buf := m.tvs[:0]
	if cap(buf) > maxKeptSamples {
		buf = nil
	}
	*m = member{gen: m.gen + 1, next: -1, tvs: buf}
	rs.freeM = append(rs.freeM, i)
}

// maxKeptSamples bounds the sample buffer a freed member slot keeps.
const maxKeptSamples = 64
