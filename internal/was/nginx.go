package was

import (
	"fmt"
	"strconv"
	"strings"
)

// NginxStatus is what nginx's stub_status page reports.
type NginxStatus struct {
	Active, Accepted, Handled, Requests, Reading, Writing, Waiting int64
}

// ParseNginxStatus parses the stub_status page:
//
//	Active connections: 1
//	server accepts handled requests
//	 2 2 2
//	Reading: 0 Writing: 1 Waiting: 0
func ParseNginxStatus(data []byte) (*NginxStatus, error) {
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 4 {
		return nil, fmt.Errorf("stub_status: want 4 lines, got %d (is this nginx's stub_status location?)", len(lines))
	}
	var st NginxStatus
	var err error
	a, ok := strings.CutPrefix(strings.TrimSpace(lines[0]), "Active connections:")
	if !ok {
		return nil, fmt.Errorf("stub_status: first line %q is not \"Active connections: N\"", truncate(lines[0], 80))
	}
	if st.Active, err = strconv.ParseInt(strings.TrimSpace(a), 10, 64); err != nil {
		return nil, fmt.Errorf("stub_status: active connections: %w", err)
	}
	f := strings.Fields(lines[2])
	if len(f) != 3 {
		return nil, fmt.Errorf("stub_status: third line %q does not hold accepts, handled and requests", truncate(lines[2], 80))
	}
	for i, p := range []*int64{&st.Accepted, &st.Handled, &st.Requests} {
		if *p, err = strconv.ParseInt(f[i], 10, 64); err != nil {
			return nil, fmt.Errorf("stub_status: %w", err)
		}
	}
	f = strings.Fields(lines[3])
	if len(f) != 6 || f[0] != "Reading:" || f[2] != "Writing:" || f[4] != "Waiting:" {
		return nil, fmt.Errorf("stub_status: fourth line %q is not \"Reading: N Writing: N Waiting: N\"", truncate(lines[3], 80))
	}
	for i, p := range []*int64{&st.Reading, &st.Writing, &st.Waiting} {
		if *p, err = strconv.ParseInt(f[2*i+1], 10, 64); err != nil {
			return nil, fmt.Errorf("stub_status: %w", err)
		}
	}
	return &st, nil
}

// Emit records the status with the contrib nginx receiver's names.
func (st *NginxStatus) Emit(e *Emitter) {
	e.Int("nginx.requests", "Total number of requests made to the server since it started.", "{requests}", kindCounter, st.Requests)
	e.Int("nginx.connections_accepted", "The total number of accepted client connections.", "{connections}", kindCounter, st.Accepted)
	e.Int("nginx.connections_handled", "The total number of handled connections.", "{connections}", kindCounter, st.Handled)
	const cur = "The current number of nginx connections by state."
	e.Int("nginx.connections_current", cur, "{connections}", kindUpDown, st.Active, "state", "active")
	e.Int("nginx.connections_current", cur, "{connections}", kindUpDown, st.Reading, "state", "reading")
	e.Int("nginx.connections_current", cur, "{connections}", kindUpDown, st.Writing, "state", "writing")
	e.Int("nginx.connections_current", cur, "{connections}", kindUpDown, st.Waiting, "state", "waiting")
}
