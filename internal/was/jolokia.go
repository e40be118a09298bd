package was

import (
	"encoding/json"
	"fmt"
	"strings"
)

// JolokiaRequest is one element of a Jolokia bulk request.
type JolokiaRequest struct {
	Type      string   `json:"type"`
	MBean     string   `json:"mbean"`
	Attribute []string `json:"attribute,omitempty"`
	// Config holds processing parameters: ignoreErrors lets a pattern
	// read skip an attribute that some matching MBeans lack.
	Config map[string]any `json:"config,omitempty"`
}

// JolokiaRequests builds the bulk read of a profile set: one read per MBean
// pattern, naming the attributes its rules use (an array, so that the answer
// always maps attribute names to values).
func JolokiaRequests(s *ProfileSet) []JolokiaRequest {
	var out []JolokiaRequest
	idx := map[string]int{}
	seen := map[string]map[string]bool{}
	for _, r := range s.Rules {
		i, ok := idx[r.Bean]
		if !ok {
			i = len(out)
			idx[r.Bean] = i
			out = append(out, JolokiaRequest{Type: "read", MBean: r.Bean, Config: map[string]any{"ignoreErrors": true}})
			seen[r.Bean] = map[string]bool{}
		}
		add := func(a string) {
			if !seen[r.Bean][a] {
				seen[r.Bean][a] = true
				out[i].Attribute = append(out[i].Attribute, a)
			}
		}
		for _, m := range r.Metrics {
			add(m.source)
		}
		for _, a := range r.attrs {
			if a.kind == 'a' {
				add(a.arg)
			}
		}
	}
	return out
}

type jolokiaResponse struct {
	Request   json.RawMessage `json:"request"`
	Value     json.RawMessage `json:"value"`
	Status    int             `json:"status"`
	Error     string          `json:"error"`
	ErrorType string          `json:"error_type"`
}

// JolokiaElementError is the failure of one element of a bulk read; the
// other elements still count.
type JolokiaElementError struct {
	MBean  string
	Status int
	Error  string
}

// ParseJolokia parses the answer to a bulk read made of reqs: an array with
// one response per request, each with its own status. For a pattern the
// value maps object names to attribute maps; for one MBean it maps
// attribute names to values. Failed elements are returned apart.
func ParseJolokia(data []byte, reqs []JolokiaRequest) ([]Bean, []JolokiaElementError, error) {
	var resps []jolokiaResponse
	if err := json.Unmarshal(data, &resps); err != nil {
		// A whole-request failure comes back as one object.
		var one jolokiaResponse
		if json.Unmarshal(data, &one) == nil && one.Status != 0 {
			return nil, nil, fmt.Errorf("jolokia: status %d: %s", one.Status, truncate(one.Error, 300))
		}
		return nil, nil, fmt.Errorf("jolokia: answer is not a JSON array of responses: %w", err)
	}
	if len(resps) != len(reqs) {
		return nil, nil, fmt.Errorf("jolokia: %d responses to %d requests", len(resps), len(reqs))
	}
	var beans []Bean
	var failed []JolokiaElementError
	for i, r := range resps {
		mbean := reqs[i].MBean
		if r.Status != 200 {
			failed = append(failed, JolokiaElementError{MBean: mbean, Status: r.Status, Error: truncate(r.Error, 300)})
			continue
		}
		var val map[string]any
		if err := json.Unmarshal(r.Value, &val); err != nil {
			failed = append(failed, JolokiaElementError{MBean: mbean, Status: r.Status, Error: "value is not an object"})
			continue
		}
		if isPattern(mbean) {
			for name, attrs := range val {
				am, ok := attrs.(map[string]any)
				if !ok {
					continue
				}
				on, err := ParseObjectName(name)
				if err != nil {
					continue
				}
				beans = append(beans, Bean{Name: on, Attrs: am})
			}
			continue
		}
		on, err := ParseObjectName(mbean)
		if err != nil {
			continue
		}
		beans = append(beans, Bean{Name: on, Attrs: val})
	}
	return beans, failed, nil
}

func isPattern(mbean string) bool { return strings.ContainsAny(mbean, "*?") }
