package localstoreextension

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/collector/extension/extensiontest"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/store"
)

// Query API answers to odd input (issue 10 items 7 and 8).

func TestAPIBearerSchemeIsCaseInsensitive(t *testing.T) {
	t.Parallel()
	h := testAPI(t, "t0ken")
	for header, code := range map[string]int{
		"Bearer t0ken":  http.StatusOK,
		"bearer t0ken":  http.StatusOK,
		"BEARER t0ken":  http.StatusOK,
		"Bearer  t0ken": http.StatusOK, // RFC 7235 allows more than one space
		"Bearer T0KEN":  http.StatusUnauthorized,
		"Basic t0ken":   http.StatusUnauthorized,
		"Bearert0ken":   http.StatusUnauthorized,
		"t0ken":         http.StatusUnauthorized,
	} {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/resources", nil)
		req.Header.Set("Authorization", header)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, code, rec.Code, "Authorization: %s", header)
	}
}

func TestAPINeverAnswersInvalidUTF8(t *testing.T) {
	t.Parallel()
	opts := store.NewDefaultOptions(t.TempDir())
	s, err := store.Open(context.Background(), opts)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, s.Close()) })
	ld := plog.NewLogs()
	rl := ld.ResourceLogs().AppendEmpty()
	rl.Resource().Attributes().PutStr("service.name", "raw\xff\xfebytes")
	lr := rl.ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	lr.SetTimestamp(pcommon.NewTimestampFromTime(time.Now()))
	lr.Body().SetStr("bad \xc3\x28 utf-8 \xed\xa0\x80 surrogate")
	lr.Attributes().PutStr("k\xff", "v\x80")
	_, err = s.WriteLogs(context.Background(), ld)
	require.NoError(t, err)

	cfg := createDefaultConfig().(*Config)
	cfg.Stores = map[string]StoreConfig{"default": {Directory: opts.Dir}}
	ext := newExtension(cfg, extensiontest.NewNopSettings(extensiontest.NopType))
	ext.stores["default"] = s
	h := newAPI(ext, "").handler()
	for _, path := range []string{"/api/v1/logs?start=-1h", "/api/v1/resources"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		require.Equal(t, http.StatusOK, rec.Code, path)
		body := rec.Body.Bytes()
		require.True(t, utf8.Valid(body), "%s answered invalid UTF-8: %q", path, body)
		var v any
		require.NoError(t, json.Unmarshal(body, &v), path)
		assert.Regexp(t, "raw\uFFFD+bytes", fmt.Sprint(v), "%s: invalid bytes are replaced with U+FFFD", path)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/logs?start=-1h", nil))
	assert.Contains(t, rec.Body.String(), "bad \uFFFD( utf-8")
}

func TestAPITimesOutsideTheRepresentableRange(t *testing.T) {
	t.Parallel()
	h := testAPI(t, "")
	for _, path := range []string{
		"/api/v1/logs?start=1600-01-01T00:00:00Z",
		"/api/v1/logs?end=2300-01-01T00:00:00Z",
		"/api/v1/logs?start=1677-09-21T00:00:00Z",
		"/api/v1/metrics?name=x&end=9999-12-31T23:59:59Z",
	} {
		var e map[string]string
		assert.Equal(t, http.StatusBadRequest, get(t, h, path, &e), path)
		assert.Contains(t, e["error"], "the times the store can represent", path)
	}
	var p otlpPage
	assert.Equal(t, http.StatusOK, get(t, h, "/api/v1/logs?start=1970-01-01T00:00:00Z&end=2262-04-11T00:00:00Z", &p))
	assert.Positive(t, p.Count)
}
