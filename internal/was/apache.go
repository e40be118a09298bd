package was

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ApacheStatus is Apache httpd's mod_status machine-readable page
// (/server-status?auto) as key/value pairs.
type ApacheStatus map[string]string

// ParseApacheStatus parses "Key: value" lines.
func ParseApacheStatus(data []byte) (ApacheStatus, error) {
	st := ApacheStatus{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1024*1024)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok {
			st[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("server-status: %w", err)
	}
	if _, ok := st["Total Accesses"]; !ok {
		if _, ok := st["BusyWorkers"]; !ok {
			return nil, fmt.Errorf("server-status: no Total Accesses or BusyWorkers (is this mod_status with ?auto, and ExtendedStatus On?)")
		}
	}
	return st, nil
}

var scoreboardStates = map[byte]string{
	'_': "waiting", 'S': "starting", 'R': "reading", 'W': "sending", 'K': "keepalive",
	'D': "dnslookup", 'C': "closing", 'L': "logging", 'G': "finishing", 'I': "idle_cleanup", '.': "open",
}

// scoreboardOrder keeps the data points in a stable order.
var scoreboardOrder = []string{"open", "waiting", "starting", "reading", "sending", "keepalive",
	"dnslookup", "closing", "logging", "finishing", "idle_cleanup", "unknown"}

// Emit records the status with the contrib apache receiver's names. It
// returns how many values could not be parsed.
func (st ApacheStatus) Emit(e *Emitter) (dropped int) {
	num := func(k string) (float64, bool) {
		v, ok := st[k]
		if !ok {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			dropped++
			return 0, false
		}
		return f, true
	}
	if v, ok := num("ServerUptimeSeconds"); ok {
		e.Int("apache.uptime", "The amount of time that the server has been running in seconds.", "s", kindCounter, int64(v))
	}
	if v, ok := num("ConnsTotal"); ok {
		e.Int("apache.current_connections", "The number of active connections currently attached to the HTTP server.", "{connections}", kindUpDown, int64(v))
	}
	if v, ok := num("BusyWorkers"); ok {
		e.Int("apache.workers", "The number of workers currently attached to the HTTP server.", "{workers}", kindUpDown, int64(v), "state", "busy")
	}
	if v, ok := num("IdleWorkers"); ok {
		e.Int("apache.workers", "The number of workers currently attached to the HTTP server.", "{workers}", kindUpDown, int64(v), "state", "idle")
	}
	if v, ok := num("Total Accesses"); ok {
		e.Int("apache.requests", "The number of requests serviced by the HTTP server.", "{requests}", kindCounter, int64(v))
	}
	if v, ok := num("Total kBytes"); ok {
		e.Int("apache.traffic", "Total HTTP server traffic.", "By", kindCounter, int64(v)*1024)
	}
	if v, ok := num("Total Duration"); ok {
		e.Int("apache.request.time", "Total time spent on handling requests.", "ms", kindCounter, int64(v))
	}
	for _, c := range []struct{ key, level, mode string }{
		{"CPUUser", "self", "user"}, {"CPUSystem", "self", "system"},
		{"CPUChildrenUser", "children", "user"}, {"CPUChildrenSystem", "children", "system"},
	} {
		if v, ok := num(c.key); ok {
			e.Double("apache.cpu.time", "Jiffs used by processes of given category.", "{jiff}", kindCounter, v, "level", c.level, "mode", c.mode)
		}
	}
	if v, ok := num("CPULoad"); ok {
		e.Double("apache.cpu.load", "Current load of the CPU.", "%", kindGauge, v)
	}
	for _, l := range []struct{ key, name, span string }{
		{"Load1", "apache.load.1", "1 minute"}, {"Load5", "apache.load.5", "5 minutes"}, {"Load15", "apache.load.15", "15 minutes"},
	} {
		if v, ok := num(l.key); ok {
			e.Double(l.name, "The average server load during the last "+l.span+".", "%", kindGauge, v)
		}
	}
	if sb, ok := st["Scoreboard"]; ok {
		counts := map[string]int64{}
		for i := 0; i < len(sb); i++ {
			s, ok := scoreboardStates[sb[i]]
			if !ok {
				s = "unknown"
			}
			counts[s]++
		}
		for _, s := range scoreboardOrder {
			e.Int("apache.scoreboard", "The number of workers in each state.", "{workers}", kindUpDown, counts[s], "state", s)
		}
	}
	return dropped
}
