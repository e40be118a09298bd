package testenv

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// ServicesDir is where shared services keep their state, one folder each.
func ServicesDir() string {
	if d := os.Getenv("EMS_SERVICES_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "otelcol-ems-services")
}

var (
	sharedMu  sync.Mutex
	sharedEnv = map[string]map[string]string{}
)

// RequireService returns a running shared instance of the named service
// (snmpd, postgres, mariadb, tomcat), starting it through
// tests/services/NAME.sh when it is not up; it installs missing packages on
// the way. The instance outlives the test and is reused by later tests and
// test processes (`tests/services/all.sh stop` ends them). The returned map
// holds what the script printed: HOST, PORT, USER, PASSWORD and more.
//
// A service that cannot be started fails the test: tests never skip for a
// missing service.
func RequireService(t testing.TB, name string) map[string]string {
	t.Helper()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if env, ok := sharedEnv[name]; ok && serviceUp(name, env["DIR"]) {
		return env
	}
	dir := filepath.Join(ServicesDir(), name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("service %s: %v", name, err)
	}
	// Serialize starts of the same service across test processes.
	lock, err := os.OpenFile(filepath.Join(ServicesDir(), name+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("service %s: %v", name, err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("service %s: lock: %v", name, err)
	}
	env := runServiceScript(t, name, "start", dir)
	sharedEnv[name] = env
	return env
}

// StartService starts a private instance of the named service in a fresh
// directory and stops it when the test ends. Use it when a test changes the
// service or needs one of its own.
func StartService(t testing.TB, name string) map[string]string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ems-"+name+"-")
	if err != nil {
		t.Fatalf("service %s: %v", name, err)
	}
	// Services drop privileges (postgres, mysql, tomcat users).
	_ = os.Chmod(dir, 0o755)
	env := runServiceScript(t, name, "start", dir)
	t.Cleanup(func() {
		stopService(name, dir)
		_ = os.RemoveAll(dir)
	})
	return env
}

func serviceUp(name, dir string) bool {
	if dir == "" {
		return false
	}
	cmd := exec.Command(scriptPath(name), "status", dir)
	return cmd.Run() == nil
}

func stopService(name, dir string) {
	_ = exec.Command(scriptPath(name), "stop", dir).Run()
}

func scriptPath(name string) string {
	return filepath.Join(RepoRoot(), "tests", "services", name+".sh")
}

func runServiceScript(t testing.TB, name, verb, dir string) map[string]string {
	t.Helper()
	cmd := exec.Command(scriptPath(name), verb, dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := stderr.Bytes()
		msg = msg[max(0, len(msg)-4000):]
		t.Fatalf("service %s could not be started (%s %s %s): %v\n%s",
			name, scriptPath(name), verb, dir, err, msg)
	}
	env := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if ok && k != "" {
			env[k] = v
		}
	}
	if _, ok := env["DIR"]; !ok {
		env["DIR"] = dir
	}
	return env
}
