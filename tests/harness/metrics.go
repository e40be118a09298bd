package harness

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// MetricsText returns the collector's internal metrics in Prometheus text
// format.
func (c *Collector) MetricsText(t testing.TB) string {
	t.Helper()
	client := &http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d/metrics", c.MetricsPort))
	if err != nil {
		t.Fatalf("scraping internal metrics: %v", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading internal metrics: %v", err)
	}
	return string(b)
}

// Metric returns the sum of the samples of the internal metric name whose
// labels include all of labels, or 0 when there is none. name is the
// Prometheus name, e.g. "otelcol_receiver_accepted_log_records".
func (c *Collector) Metric(t testing.TB, name string, labels map[string]string) float64 {
	t.Helper()
	return SumSamples(c.MetricsText(t), name, labels)
}

// SumSamples adds up the samples of name in Prometheus text exposition whose
// labels include all of labels.
func SumSamples(text, name string, labels map[string]string) float64 {
	var sum float64
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		n, ls, v, ok := parseSample(line)
		if !ok || n != name {
			continue
		}
		match := true
		for k, want := range labels {
			if ls[k] != want {
				match = false
				break
			}
		}
		if match {
			sum += v
		}
	}
	return sum
}

// parseSample parses `name{k="v",...} value [timestamp]`.
func parseSample(line string) (string, map[string]string, float64, bool) {
	labels := map[string]string{}
	i := strings.IndexAny(line, "{ ")
	if i < 0 {
		return "", nil, 0, false
	}
	name := line[:i]
	rest := line[i:]
	if rest[0] == '{' {
		j := 1
		for j < len(rest) && rest[j] != '}' {
			eq := strings.IndexByte(rest[j:], '=')
			if eq < 0 {
				return "", nil, 0, false
			}
			key := strings.TrimSpace(strings.TrimLeft(rest[j:j+eq], ","))
			j += eq + 1
			if j >= len(rest) || rest[j] != '"' {
				return "", nil, 0, false
			}
			j++
			var val strings.Builder
			for j < len(rest) && rest[j] != '"' {
				if rest[j] == '\\' && j+1 < len(rest) {
					j++
					switch rest[j] {
					case 'n':
						val.WriteByte('\n')
					default:
						val.WriteByte(rest[j])
					}
				} else {
					val.WriteByte(rest[j])
				}
				j++
			}
			j++ // closing quote
			labels[key] = val.String()
			for j < len(rest) && rest[j] == ',' {
				j++
			}
		}
		if j >= len(rest) {
			return "", nil, 0, false
		}
		rest = rest[j+1:]
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", nil, 0, false
	}
	v, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return "", nil, 0, false
	}
	return name, labels, v, true
}
