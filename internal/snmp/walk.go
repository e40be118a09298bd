package snmp

import (
	"errors"
	"fmt"

	"github.com/gosnmp/gosnmp"
)

// maxWalkRows bounds a table walk so that an agent that never ends a column
// cannot keep a poll running forever.
const maxWalkRows = 100000

// Get fetches scalars in batches of MaxOIDsPerRequest. Objects the agent
// does not have are left out of the result; an agent error other than
// noSuchName fails the call. The result is in no particular order.
func (s *Session) Get(oids []string) ([]gosnmp.SnmpPDU, error) {
	out := make([]gosnmp.SnmpPDU, 0, len(oids))
	max := s.cfg.MaxOIDsPerRequest
	for start := 0; start < len(oids); start += max {
		end := min(start+max, len(oids))
		batch := oids[start:end]
		for len(batch) > 0 {
			pkt, err := s.g.Get(batch)
			if err != nil {
				return out, s.classify(err)
			}
			if err := s.checkResponse(pkt); err != nil {
				return out, err
			}
			if pkt.Error == gosnmp.NoSuchName && s.cfg.Version == "v1" {
				// v1 fails the whole request; drop the missing object and ask again.
				batch = without(batch, int(pkt.ErrorIndex)-1)
				continue
			}
			if pkt.Error != gosnmp.NoError {
				return out, agentError(pkt)
			}
			for _, v := range pkt.Variables {
				if present(v.Type) {
					out = append(out, v)
				}
			}
			break
		}
	}
	return out, nil
}

// WalkColumns walks the given table columns together: each GETBULK (GETNEXT
// for v1) asks for the next rows of every column still in progress, so a
// table of N columns costs about rows/max_repetitions requests instead of N
// walks. The result holds, per column, its varbinds in agent order.
func (s *Session) WalkColumns(columns []string) ([][]gosnmp.SnmpPDU, error) {
	out := make([][]gosnmp.SnmpPDU, len(columns))
	cursor := make([]string, len(columns)) // last OID seen per column
	copy(cursor, columns)
	active := make([]int, 0, len(columns)) // column numbers still walking
	for i := range columns {
		active = append(active, i)
	}
	max := s.cfg.MaxOIDsPerRequest
	rows := 0
	req := make([]string, 0, max)
	for len(active) > 0 {
		if rows > maxWalkRows {
			return out, &Error{Kind: KindProtocol, Err: fmt.Errorf("walk exceeded %d rows", maxWalkRows)}
		}
		batch := active[:min(len(active), max)]
		req = req[:0]
		for _, c := range batch {
			req = append(req, cursor[c])
		}
		vars, err := s.next(req, batch, columns, cursor)
		if err != nil {
			return out, err
		}
		n := len(batch)
		done := make([]bool, n)
		reps := len(vars) / n
		if reps == 0 {
			return out, &Error{Kind: KindProtocol, Err: errors.New("agent returned fewer variable bindings than requested")}
		}
		for r := 0; r < reps; r++ {
			for j, c := range batch {
				if done[j] {
					continue
				}
				v := vars[r*n+j]
				if v.Type == gosnmp.EndOfMibView || v.Type == gosnmp.NoSuchObject || v.Type == gosnmp.NoSuchInstance {
					done[j] = true
					continue
				}
				if _, ok := indexSuffix(v.Name, columns[c]); !ok {
					done[j] = true
					continue
				}
				if compareOIDs(v.Name, cursor[c]) <= 0 {
					return out, &Error{Kind: KindProtocol, Err: fmt.Errorf("agent returned OID %s after %s: not increasing", v.Name, cursor[c])}
				}
				cursor[c] = v.Name
				out[c] = append(out[c], v)
			}
			rows++
		}
		// Keep the columns that neither ended nor were skipped this round.
		next := active[:0]
		for j, c := range active {
			if j < n && done[j] {
				continue
			}
			next = append(next, c)
		}
		active = next
	}
	return out, nil
}

// next sends one GETBULK (v2c, v3) or GETNEXT (v1) for req. For v1 it
// handles noSuchName, which ends the column at the error index, by
// answering that column with endOfMibView.
func (s *Session) next(req []string, batch []int, columns, cursor []string) ([]gosnmp.SnmpPDU, error) {
	if s.cfg.Version != "v1" {
		reps := s.cfg.MaxRepetitions
		for {
			pkt, err := s.g.GetBulk(req, 0, reps)
			if err != nil {
				return nil, s.classify(err)
			}
			if err := s.checkResponse(pkt); err != nil {
				return nil, err
			}
			if pkt.Error == gosnmp.TooBig && reps > 1 {
				// The agent cannot fit the answer in one message: ask
				// for fewer rows per request.
				reps /= 2
				continue
			}
			if pkt.Error != gosnmp.NoError {
				return nil, agentError(pkt)
			}
			return pkt.Variables, nil
		}
	}
	ended := make([]bool, len(req))
	for {
		ask := make([]string, 0, len(req))
		for i, o := range req {
			if !ended[i] {
				ask = append(ask, o)
			}
		}
		var pkt *gosnmp.SnmpPacket
		if len(ask) > 0 {
			var err error
			pkt, err = s.g.GetNext(ask)
			if err != nil {
				return nil, s.classify(err)
			}
			if err := s.checkResponse(pkt); err != nil {
				return nil, err
			}
			if pkt.Error == gosnmp.NoSuchName && int(pkt.ErrorIndex) >= 1 && int(pkt.ErrorIndex) <= len(ask) {
				// Find which requested column the error index points at.
				k := 0
				for i := range req {
					if ended[i] {
						continue
					}
					k++
					if k == int(pkt.ErrorIndex) {
						ended[i] = true
						break
					}
				}
				continue
			}
			if pkt.Error != gosnmp.NoError {
				return nil, agentError(pkt)
			}
		}
		vars := make([]gosnmp.SnmpPDU, len(req))
		k := 0
		for i := range req {
			if ended[i] {
				vars[i] = gosnmp.SnmpPDU{Name: req[i], Type: gosnmp.EndOfMibView}
				continue
			}
			if pkt == nil || k >= len(pkt.Variables) {
				return nil, &Error{Kind: KindProtocol, Err: errors.New("short GETNEXT response")}
			}
			vars[i] = pkt.Variables[k]
			k++
		}
		return vars, nil
	}
}

func present(t gosnmp.Asn1BER) bool {
	return t != gosnmp.NoSuchObject && t != gosnmp.NoSuchInstance && t != gosnmp.EndOfMibView && t != gosnmp.Null
}

func without(s []string, i int) []string {
	if i < 0 || i >= len(s) {
		return nil // cannot tell which object failed: give up on the batch
	}
	out := make([]string, 0, len(s)-1)
	out = append(out, s[:i]...)
	return append(out, s[i+1:]...)
}

func agentError(pkt *gosnmp.SnmpPacket) error {
	return &Error{Kind: KindAgentError, Err: fmt.Errorf("agent answered %s at variable %d", pkt.Error, pkt.ErrorIndex)}
}
