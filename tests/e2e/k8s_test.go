//go:build integration

package e2e

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
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
			case "ClusterRole":
				obj = &rbacv1.ClusterRole{}
			case "ClusterRoleBinding":
				obj = &rbacv1.ClusterRoleBinding{}
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
			code, out := validateInPod(t, cfg, k8sEnv...)
			assert.Equalf(t, 0, code, "%s: ConfigMap %s config does not validate:\n%s", d.file, o.Name, out)
		case *openTelemetryCollector:
			collectors++
			assert.Equal(t, "sidecar", o.Spec.Mode)
			cfg, err := yaml.Marshal(o.Spec.Config)
			require.NoError(t, err)
			code, out := validateInPod(t, string(cfg), k8sEnv...)
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

// agentConfig is the part of the DaemonSet's collector config that the
// Kubernetes checks read.
type agentConfig struct {
	Receivers  map[string]map[string]any `json:"receivers"`
	Processors map[string]map[string]any `json:"processors"`
	Service    struct {
		Pipelines map[string]struct {
			Receivers  []string `json:"receivers"`
			Processors []string `json:"processors"`
		} `json:"pipelines"`
	} `json:"service"`
}

func stringsOf(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// The DaemonSet enriches every signal with k8s_attributes the way the Helm
// chart's kubernetesAttributes preset does, reads its node's kubelet with
// kubelet_stats (kubeletMetrics preset), and its service account holds the
// RBAC both need: no more. There is no cluster here: the manifests are
// checked as objects and the config with `otelcol-ems validate`
// (TestKubernetesManifests).
func TestDaemonSetKubernetesEnrichment(t *testing.T) {
	docs := loadManifests(t)
	var ds *appsv1.DaemonSet
	configs := map[string]string{}
	roles := map[string]*rbacv1.ClusterRole{}
	var bindings []*rbacv1.ClusterRoleBinding
	for _, d := range docs {
		switch o := d.obj.(type) {
		case *appsv1.DaemonSet:
			ds = o
		case *corev1.ConfigMap:
			configs[o.Name] = o.Data["config.yaml"]
		case *rbacv1.ClusterRole:
			roles[o.Name] = o
		case *rbacv1.ClusterRoleBinding:
			bindings = append(bindings, o)
		}
	}
	require.NotNil(t, ds, "a DaemonSet")
	spec := ds.Spec.Template.Spec
	c, ok := collectorContainer(t, spec)
	require.True(t, ok)
	raw := configs[configMapOf(spec, "/etc/otelcol-ems", c)]
	require.NotEmpty(t, raw)
	var cfg agentConfig
	require.NoError(t, yaml.Unmarshal([]byte(raw), &cfg))

	// k8s_attributes: looks pods up itself, only on its own node.
	ka, ok := cfg.Processors["k8s_attributes"]
	require.True(t, ok, "k8s_attributes processor configured")
	assert.Equal(t, false, ka["passthrough"], "passthrough: false on agents")
	assert.Equal(t, "serviceAccount", ka["auth_type"])
	filter, _ := ka["filter"].(map[string]any)
	assert.Equal(t, "K8S_NODE_NAME", filter["node_from_env_var"], "watch only this node's pods")
	extract, _ := ka["extract"].(map[string]any)
	meta := stringsOf(extract["metadata"])
	for _, want := range []string{"k8s.pod.name", "k8s.pod.uid", "k8s.namespace.name", "k8s.node.name",
		"k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "k8s.job.name"} {
		assert.Contains(t, meta, want, "k8s_attributes extracts %s", want)
	}
	assert.NotEmpty(t, extract["labels"], "user-selected labels")
	assert.NotEmpty(t, extract["annotations"], "user-selected annotations")
	assert.NotEmpty(t, ka["pod_association"], "pod association rules")

	// kubelet_stats: this node's kubelet, with the service account's token.
	ks, ok := cfg.Receivers["kubeletstats"]
	require.True(t, ok, "kubeletstats receiver configured")
	assert.Equal(t, "serviceAccount", ks["auth_type"])
	assert.Contains(t, ks["endpoint"], "${env:K8S_NODE_NAME}", "node name from the downward API")
	assert.Equal(t, true, ks["insecure_skip_verify"])
	assert.Regexp(t, `(?m)^\s*#.*insecure_skip_verify`, raw, "the config says why insecure_skip_verify is set")

	for name, p := range cfg.Service.Pipelines {
		assert.Containsf(t, p.Processors, "k8s_attributes", "pipeline %s enriches with k8s_attributes", name)
		assert.Equalf(t, "memory_limiter", p.Processors[0], "pipeline %s: memory_limiter first", name)
	}
	assert.Contains(t, cfg.Service.Pipelines["metrics"].Receivers, "kubeletstats")

	var nodeName string
	for _, e := range c.Env {
		if e.Name == "K8S_NODE_NAME" && e.ValueFrom != nil && e.ValueFrom.FieldRef != nil {
			nodeName = e.ValueFrom.FieldRef.FieldPath
		}
	}
	assert.Equal(t, "spec.nodeName", nodeName, "K8S_NODE_NAME from the downward API")

	// RBAC: the DaemonSet's service account is bound to a ClusterRole with
	// get/list/watch on pods, namespaces, nodes and replicasets, and get on
	// the kubelet's stats; nothing that writes and no wildcard.
	sa := spec.ServiceAccountName
	require.NotEmpty(t, sa)
	granted := map[string]map[string]bool{} // "group/resource" -> verbs
	for _, b := range bindings {
		bound := false
		for _, s := range b.Subjects {
			bound = bound || (s.Kind == "ServiceAccount" && s.Name == sa && s.Namespace == ds.Namespace)
		}
		if !bound {
			continue
		}
		require.Equal(t, "ClusterRole", b.RoleRef.Kind)
		role, ok := roles[b.RoleRef.Name]
		require.Truef(t, ok, "ClusterRoleBinding %s refers to ClusterRole %q that no manifest defines", b.Name, b.RoleRef.Name)
		for _, r := range role.Rules {
			for _, v := range r.Verbs {
				assert.Containsf(t, []string{"get", "list", "watch"}, v, "ClusterRole %s grants only reads", role.Name)
			}
			for _, g := range r.APIGroups {
				for _, res := range r.Resources {
					assert.NotEqual(t, "*", res)
					if granted[g+"/"+res] == nil {
						granted[g+"/"+res] = map[string]bool{}
					}
					for _, v := range r.Verbs {
						granted[g+"/"+res][v] = true
					}
				}
			}
		}
	}
	for _, res := range []string{"/pods", "/namespaces", "/nodes", "apps/replicasets"} {
		for _, v := range []string{"get", "list", "watch"} {
			assert.Truef(t, granted[res][v], "service account %s may %s %s", sa, v, res)
		}
	}
	assert.True(t, granted["/nodes/stats"]["get"], "kubeletstats reads nodes/stats")
}

// validateInPod runs `otelcol-ems validate` on config as a pod would: with a
// service-account mount at /var/run/secrets/kubernetes.io/serviceaccount
// (a CA certificate, a token and the namespace), which kubeletstats reads
// when its receiver is built. The mount exists only in a private mount
// namespace of the command (unshare, as root): the host's /run is untouched.
func validateInPod(t *testing.T, config string, env ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	sa := filepath.Join(dir, "run", "secrets", "kubernetes.io", "serviceaccount")
	require.NoError(t, os.MkdirAll(sa, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(sa, "ca.crt"), selfSignedCA(t), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(sa, "token"), []byte("validate-only-token"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(sa, "namespace"), []byte("otelcol-ems"), 0o644))
	cfgPath := filepath.Join(dir, "config.yaml")
	require.NoError(t, os.WriteFile(cfgPath, []byte(config), 0o600))

	cmd := exec.Command("unshare", "--mount", "--propagation", "private", "sh", "-c",
		`mount --bind "$1" /run && exec "$2" validate --config "$3"`,
		"sh", filepath.Join(dir, "run"), harness.Binary(t), cfgPath)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err == nil {
		return 0, string(out)
	}
	var exit *exec.ExitError
	require.ErrorAsf(t, err, &exit, "running validate: %s", out)
	return exit.ExitCode(), string(out)
}

// selfSignedCA returns a PEM certificate like a cluster CA's.
func selfSignedCA(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "kubernetes"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}
