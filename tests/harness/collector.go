package harness

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Collector is an otelcol-ems process under test.
//
// Its config must enable the health check on ${env:EMS_HEALTH_ENDPOINT} and
// may expose internal metrics on 127.0.0.1:${env:EMS_METRICS_PORT}; see
// TelemetryYAML for both.
type Collector struct {
	// Dir is a temporary directory owned by this collector; the config is
	// written there and tests may keep state (stores, queues) in it.
	Dir string
	// ConfigPath is the config file the collector runs with.
	ConfigPath string
	// HealthEndpoint is the health check's "host:port".
	HealthEndpoint string
	// MetricsPort is the port of the internal Prometheus metrics.
	MetricsPort int
	// Args are extra command-line arguments, e.g. another "--config" to
	// merge; set them before Start.
	Args []string

	t    testing.TB
	bin  string
	env  []string
	out  *syncBuffer
	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

// StartupTimeout bounds how long StartCollector waits for the health check.
const StartupTimeout = 60 * time.Second

// TelemetryYAML is the piece of service config the harness relies on: the
// health check extension and internal metrics in Prometheus format. Put it
// under `service:` and list health_check in the `extensions:` section, as in
// ExtensionsYAML.
const TelemetryYAML = `  telemetry:
    logs:
      level: info
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 127.0.0.1
                port: ${env:EMS_METRICS_PORT}
`

// ExtensionsYAML defines the health check the harness waits for.
const ExtensionsYAML = `extensions:
  health_check:
    endpoint: ${env:EMS_HEALTH_ENDPOINT}
`

// NewCollector prepares a collector with config and extra environment
// ("KEY=VALUE") without starting it.
func NewCollector(t testing.TB, config string, env ...string) *Collector {
	t.Helper()
	dir := t.TempDir()
	c := &Collector{
		Dir:            dir,
		ConfigPath:     filepath.Join(dir, "config.yaml"),
		HealthEndpoint: FreeAddr(t),
		MetricsPort:    FreePort(t),
		t:              t,
		bin:            Binary(t),
		out:            &syncBuffer{},
	}
	if err := os.WriteFile(c.ConfigPath, []byte(config), 0o600); err != nil {
		t.Fatalf("writing collector config: %v", err)
	}
	c.env = append(os.Environ(),
		"EMS_HEALTH_ENDPOINT="+c.HealthEndpoint,
		"EMS_METRICS_PORT="+strconv.Itoa(c.MetricsPort),
		"EMS_DIR="+dir,
	)
	c.env = append(c.env, env...)
	t.Cleanup(func() {
		c.Kill()
		if t.Failed() {
			t.Logf("collector output:\n%s", tail(c.Output(), 8000))
		}
	})
	return c
}

// StartCollector starts otelcol-ems with config and waits until its health
// check answers 200. The collector is killed when the test ends.
func StartCollector(t testing.TB, config string, env ...string) *Collector {
	t.Helper()
	c := NewCollector(t, config, env...)
	c.Start(t)
	return c
}

// Start starts the process and waits for health.
func (c *Collector) Start(t testing.TB) {
	t.Helper()
	c.mu.Lock()
	cmd := exec.Command(c.bin, append([]string{"--config", c.ConfigPath}, c.Args...)...)
	cmd.Env = c.env
	cmd.Dir = c.Dir
	cmd.Stdout = c.out
	cmd.Stderr = c.out
	if err := cmd.Start(); err != nil {
		c.mu.Unlock()
		t.Fatalf("starting %s: %v", c.bin, err)
	}
	done := make(chan struct{})
	c.cmd, c.done = cmd, done
	go func() {
		err := cmd.Wait()
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		close(done)
	}()
	c.mu.Unlock()
	if err := c.waitHealthy(done); err != nil {
		t.Fatalf("collector did not become healthy: %v\noutput:\n%s", err, tail(c.Output(), 8000))
	}
}

func (c *Collector) waitHealthy(done chan struct{}) error {
	deadline := time.Now().Add(StartupTimeout)
	client := &http.Client{Timeout: time.Second}
	url := "http://" + c.HealthEndpoint + "/"
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return fmt.Errorf("process exited: %v", c.exitErr())
		default:
		}
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("no 200 from %s within %s", url, StartupTimeout)
}

func (c *Collector) exitErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Running reports whether the process is alive.
func (c *Collector) Running() bool {
	c.mu.Lock()
	done := c.done
	c.mu.Unlock()
	if done == nil {
		return false
	}
	select {
	case <-done:
		return false
	default:
		return true
	}
}

// Stop sends SIGTERM and waits up to 60 s for a clean exit (then kills). It
// returns the exit code, 0 for a clean shutdown, -1 when it had to kill.
func (c *Collector) Stop() int {
	return c.signal(syscall.SIGTERM, 60*time.Second)
}

// Kill sends SIGKILL, as a crash or an OOM kill would, and waits.
func (c *Collector) Kill() int {
	return c.signal(syscall.SIGKILL, 10*time.Second)
}

func (c *Collector) signal(sig syscall.Signal, wait time.Duration) int {
	c.mu.Lock()
	cmd, done := c.cmd, c.done
	c.mu.Unlock()
	if cmd == nil || cmd.Process == nil {
		return 0
	}
	select {
	case <-done:
	default:
		_ = cmd.Process.Signal(sig)
		select {
		case <-done:
		case <-time.After(wait):
			_ = cmd.Process.Kill()
			<-done
			return -1
		}
	}
	return exitCode(c.exitErr())
}

// Restart stops the collector cleanly and starts it again with the same
// config, ports and directory.
func (c *Collector) Restart(t testing.TB) {
	t.Helper()
	c.Stop()
	c.Start(t)
}

// Output returns what the collector printed so far (stdout and stderr).
func (c *Collector) Output() string { return c.out.String() }

// RunUntilExit runs otelcol-ems with config and waits up to timeout for it to
// exit by itself, as it must for a bad config. It returns the exit code and
// the output; a process still running at the timeout fails the test.
func RunUntilExit(t testing.TB, config string, timeout time.Duration, env ...string) (int, string) {
	t.Helper()
	return runBinary(t, config, timeout, env, "--config")
}

// Validate runs `otelcol-ems validate --config` on config.
func Validate(t testing.TB, config string, env ...string) (int, string) {
	t.Helper()
	return runBinary(t, config, 60*time.Second, env, "validate", "--config")
}

func runBinary(t testing.TB, config string, timeout time.Duration, env []string, args ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatalf("writing config: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, Binary(t), append(args, path)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"EMS_HEALTH_ENDPOINT="+FreeAddr(t),
		"EMS_METRICS_PORT="+strconv.Itoa(FreePort(t)),
		"EMS_DIR="+dir)
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("otelcol-ems %v did not exit within %s; output:\n%s", args, timeout, tail(string(out), 8000))
	}
	return exitCode(err), string(out)
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return 128 + int(ws.Signal())
		}
		return ee.ExitCode()
	}
	return -1
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
