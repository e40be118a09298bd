package localstoreextension

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzAPI sends arbitrary paths and query strings: the API never answers
// with a server error and never panics.
func FuzzAPI(f *testing.F) {
	for _, s := range []string{
		"/api/v1/logs?start=-1h&severity_min=ERROR",
		"/api/v1/traces/" + traceAS + "?limit=5",
		"/api/v1/metrics?name=system.cpu.utilization&attr.cpu=cpu1&page_token=AAAA",
		"/api/v1/logs?page_token=%00%ff&q=%e2%82",
		"/api/v1/resources?store=",
	} {
		f.Add(s)
	}
	h := testAPI(f, "")
	f.Fuzz(func(t *testing.T, target string) {
		req, err := http.NewRequest(http.MethodGet, "http://localhost"+target, nil)
		if err != nil || req.URL.Path == "" || req.URL.Path[0] != '/' {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body.String())
		}
	})
}
