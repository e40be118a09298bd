//go:build integration

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/yaml"

	"github.com/otelcol-ems/otelcol-ems/tests/harness"
)

// openTelemetryCollector mirrors the fields of the OpenTelemetry Operator's
// v1beta1 OpenTelemetryCollector that the manifests use; strict decoding
// rejects any field outside it (the operator's Go types are not a dependency).
type openTelemetryCollector struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Mode      string                      `json:"mode"`
		Image     string                      `json:"image"`
		Env       []corev1.EnvVar             `json:"env"`
		Resources corev1.ResourceRequirements `json:"resources"`
		Config    map[string]any              `json:"config"`
	} `json:"spec"`
}

type manifestDoc struct {
	file string
	kind string
	obj  any
}

// loadManifests strictly decodes every document of distribution/k8s into the
// Kubernetes API type of its kind.
func loadManifests(t *testing.T) []manifestDoc {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(harness.RepoRoot(), "distribution", "k8s", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var docs []manifestDoc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		for i, part := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(raw), -1) {
			if strings.TrimSpace(stripComments(part)) == "" {
				continue
			}
			var meta metav1.TypeMeta
			require.NoError(t, yaml.Unmarshal([]byte(part), &meta), "%s doc %d", f, i)
			var obj any
			switch meta.Kind {
			case "Namespace":
				obj = &corev1.Namespace{}
			case "ServiceAccount":
				obj = &corev1.ServiceAccount{}
			case "ConfigMap":
				obj = &corev1.ConfigMap{}
			case "Secret":
				obj = &corev1.Secret{}
			case "Service":
				obj = &corev1.Service{}
			case "DaemonSet":
				obj = &appsv1.DaemonSet{}
			case "Deployment":
				obj = &appsv1.Deployment{}
			case "OpenTelemetryCollector":
				obj = &openTelemetryCollector{}
			default:
				t.Fatalf("%s doc %d: kind %q has no decoder in this test", f, i, meta.Kind)
			}
			require.NoErrorf(t, yaml.UnmarshalStrict([]byte(part), obj), "%s doc %d (%s)", filepath.Base(f), i, meta.Kind)
			docs = append(docs, manifestDoc{file: filepath.Base(f), kind: meta.Kind, obj: obj})
		}
	}
	return docs
}

func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

var k8sEnv = []string{
	"MY_POD_IP=127.0.0.1",
	"K8S_NODE_NAME=node-1",
	"OTLP_BACKEND_ENDPOINT=127.0.0.1:4317",
}

func TestKubernetesManifests(t *testing.T) {
	docs := loadManifests(t)
	configs := map[string]string{} // ConfigMap name -> collector config
	var daemonsets, deployments, collectors int
	for _, d := range docs {
		switch o := d.obj.(type) {
		case *corev1.ConfigMap:
			cfg, ok := o.Data["config.yaml"]
			require.Truef(t, ok, "%s: ConfigMap %s has no config.yaml", d.file, o.Name)
			configs[o.Name] = cfg
			code, out := harness.Validate(t, cfg, k8sEnv...)
			assert.Equalf(t, 0, code, "%s: ConfigMap %s config does not validate:\n%s", d.file, o.Name, out)
		case *openTelemetryCollector:
			collectors++
			assert.Equal(t, "sidecar", o.Spec.Mode)
			cfg, err := yaml.Marshal(o.Spec.Config)
			require.NoError(t, err)
			code, out := harness.Validate(t, string(cfg), k8sEnv...)
			assert.Equalf(t, 0, code, "%s: OpenTelemetryCollector %s config does not validate:\n%s", d.file, o.Name, out)
			assertMemoryLimiterBelow(t, string(cfg), o.Spec.Resources.Limits.Memory(), d.file)
		}
	}
	for _, d := range docs {
		switch o := d.obj.(type) {
		case *appsv1.DaemonSet:
			daemonsets++
			checkDaemonSet(t, o, configs)
		case *appsv1.Deployment:
			deployments++
			checkDeployment(t, o, configs)
		}
	}
	assert.Equal(t, 1, daemonsets, "one DaemonSet")
	assert.Equal(t, 2, deployments, "a sidecar Deployment and an operator-injected one")
	assert.Equal(t, 1, collectors, "one OpenTelemetryCollector in sidecar mode")
}

func collectorContainer(t *testing.T, spec corev1.PodSpec) (corev1.Container, bool) {
	for _, c := range spec.Containers {
		if c.Name == "otelcol-ems" {
			return c, true
		}
	}
	return corev1.Container{}, false
}

func configMapOf(spec corev1.PodSpec, mountPath string, c corev1.Container) string {
	for _, m := range c.VolumeMounts {
		if m.MountPath != mountPath {
			continue
		}
		for _, v := range spec.Volumes {
			if v.Name == m.Name && v.ConfigMap != nil {
				return v.ConfigMap.Name
			}
		}
	}
	return ""
}

func checkCollectorContainer(t *testing.T, where string, spec corev1.PodSpec, c corev1.Container, configs map[string]string) {
	t.Helper()
	require.NotNilf(t, c.LivenessProbe, "%s: liveness probe", where)
	require.NotNilf(t, c.ReadinessProbe, "%s: readiness probe", where)
	assert.Equalf(t, 13133, c.LivenessProbe.HTTPGet.Port.IntValue(), "%s: liveness on the health check", where)
	assert.Equalf(t, 13133, c.ReadinessProbe.HTTPGet.Port.IntValue(), "%s: readiness on the health check", where)
	assert.Falsef(t, c.Resources.Requests.Memory().IsZero(), "%s: memory request", where)
	assert.Falsef(t, c.Resources.Limits.Memory().IsZero(), "%s: memory limit", where)
	assert.Falsef(t, c.Resources.Limits.Cpu().IsZero(), "%s: cpu limit", where)
	cm := configMapOf(spec, "/etc/otelcol-ems", c)
	cfg, ok := configs[cm]
	require.Truef(t, ok, "%s: mounts ConfigMap %q that no manifest defines", where, cm)
	assert.Containsf(t, cfg, "health_check", "%s: config enables the health check", where)
	assertMemoryLimiterBelow(t, cfg, c.Resources.Limits.Memory(), where)
}

// assertMemoryLimiterBelow checks that memory_limiter's limit_mib is set and
// below the container's memory limit.
func assertMemoryLimiterBelow(t *testing.T, cfg string, limit *resource.Quantity, where string) {
	t.Helper()
	var parsed struct {
		Processors map[string]map[string]any `json:"processors"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(cfg), &parsed))
	ml, ok := parsed.Processors["memory_limiter"]
	require.Truef(t, ok, "%s: memory_limiter configured", where)
	mib, ok := ml["limit_mib"].(float64)
	require.Truef(t, ok, "%s: memory_limiter.limit_mib set", where)
	assert.Lessf(t, int64(mib)<<20, limit.Value(), "%s: memory_limiter (%v MiB) below the container limit (%s)", where, mib, limit.String())
}

func checkDaemonSet(t *testing.T, ds *appsv1.DaemonSet, configs map[string]string) {
	where := fmt.Sprintf("DaemonSet %s", ds.Name)
	spec := ds.Spec.Template.Spec
	c, ok := collectorContainer(t, spec)
	require.Truef(t, ok, "%s: otelcol-ems container", where)
	checkCollectorContainer(t, where, spec, c, configs)

	fields := map[string]string{}
	for _, e := range c.Env {
		if e.ValueFrom != nil && e.ValueFrom.FieldRef != nil {
			fields[e.Name] = e.ValueFrom.FieldRef.FieldPath
		}
	}
	assert.Equal(t, "spec.nodeName", fields["K8S_NODE_NAME"], "downward API node name")
	assert.Equal(t, "status.podIP", fields["MY_POD_IP"], "downward API pod IP")

	var logsMount *corev1.VolumeMount
	for i, m := range c.VolumeMounts {
		if m.MountPath == "/var/log/pods" {
			logsMount = &c.VolumeMounts[i]
		}
	}
	require.NotNil(t, logsMount, "/var/log/pods mounted")
	assert.True(t, logsMount.ReadOnly, "/var/log/pods read-only")
	for _, v := range spec.Volumes {
		if v.Name == logsMount.Name {
			require.NotNil(t, v.HostPath)
			assert.Equal(t, "/var/log/pods", v.HostPath.Path)
		}
	}
	require.NotNil(t, spec.SecurityContext)
	require.NotNil(t, spec.SecurityContext.RunAsUser)
	assert.Equal(t, int64(10001), *spec.SecurityContext.RunAsUser)
}

func checkDeployment(t *testing.T, d *appsv1.Deployment, configs map[string]string) {
	where := fmt.Sprintf("Deployment %s", d.Name)
	spec := d.Spec.Template.Spec
	if c, ok := collectorContainer(t, spec); ok {
		checkCollectorContainer(t, where, spec, c, configs)
		assert.GreaterOrEqual(t, len(spec.Containers), 2, "%s: the app and the sidecar", where)
		return
	}
	assert.NotEmptyf(t, d.Spec.Template.Annotations["sidecar.opentelemetry.io/inject"],
		"%s: without an otelcol-ems container it must ask the operator to inject one", where)
}
