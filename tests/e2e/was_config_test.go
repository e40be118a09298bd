//go:build integration

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// TestWASConfigValidation runs `otelcol-ems validate` on a bad was
// configuration: it fails, names each bad field, and prints no secret.
func TestWASConfigValidation(t *testing.T) {
	cfg := `receivers:
  was:
    credentials:
      mon: {username: monitor, password: "${env:WAS_PASSWORD}"}
    targets:
      - {name: shop, kind: weblogic, endpoint: "http://127.0.0.1:8080", credential: mon}
      - {name: jeus, kind: jolokia, endpoint: "http://127.0.0.1:8778/jolokia", profiles: [jvm, jeus], credential: mon}
      - {name: edge, kind: nginx, endpoint: "127.0.0.1:80", password: "${env:WAS_PASSWORD}"}
exporters:
  debug: {}
service:
  pipelines:
    metrics:
      receivers: [was]
      exporters: [debug]
`
	code, out := harness.Validate(t, cfg, "WAS_PASSWORD=the-was-secret-1")
	assert.NotEqual(t, 0, code, out)
	for _, want := range []string{
		`targets[0] (shop): kind: "weblogic" is not one of tomcat, jolokia, apache, nginx`,
		`targets[1] (jeus): profiles: no profile named "jeus"`,
		`targets[2] (edge): username: required when password is set`,
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "the-was-secret-1")
}
