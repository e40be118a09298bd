package journal

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"
)

// TestJournalSurvivesKill9 runs the persistent queue's storage calls in a
// child process (this test binary), kills it with SIGKILL after a number of
// acknowledged batches, and checks that the store reopens with every
// acknowledged write: the metadata key at least as new as the last
// acknowledged offer, and every item offered and not yet consumed.
func TestJournalSurvivesKill9(t *testing.T) {
	if dir := os.Getenv("EMS_JOURNAL_KILL_CHILD"); dir != "" {
		killChild(t, dir)
		return
	}
	for _, d := range []string{"interval", "never", "always"} {
		// Segments of 256 KiB hold ~120 offers of 2 KiB: kills land before the
		// first rotation, right after it, and many generations later.
		for _, after := range []int{5, 130, 1000, 2500} {
			t.Run(fmt.Sprintf("%s_after_%d", d, after), func(t *testing.T) {
				dir := t.TempDir() + "/db"
				cmd := exec.Command(os.Args[0], "-test.run=^TestJournalSurvivesKill9$")
				cmd.Env = append(os.Environ(), "EMS_JOURNAL_KILL_CHILD="+dir, "EMS_JOURNAL_KILL_DURABILITY="+d)
				out, err := cmd.StdoutPipe()
				require.NoError(t, err)
				require.NoError(t, cmd.Start())
				sc := bufio.NewScanner(out)
				var offered, consumed int
				for sc.Scan() {
					var o, c int
					if _, err := fmt.Sscanf(sc.Text(), "acked %d %d", &o, &c); err != nil {
						continue
					}
					offered, consumed = o, c
					if offered >= after {
						break
					}
				}
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				_ = cmd.Wait()
				require.GreaterOrEqual(t, offered, after, "the child acknowledged writes")

				e := startStore(t, dir, zaptest.NewLogger(t), func(c *Config) { c.Durability = durability(d) })
				cl := e.client(t, "otlp", "logs")
				meta, err := cl.Get(ctx, "qmv0")
				require.NoError(t, err)
				parts := strings.Fields(string(meta))
				require.Len(t, parts, 2, "metadata %q", meta)
				w, _ := strconv.Atoi(parts[0])
				r, _ := strconv.Atoi(parts[1])
				require.GreaterOrEqual(t, w, offered, "the metadata is at least as new as the last acknowledged offer")
				require.GreaterOrEqual(t, r, consumed)
				for i := r; i < w; i++ {
					v, err := cl.Get(ctx, strconv.Itoa(i))
					require.NoError(t, err)
					require.Len(t, v, 2048, "item %d (read %d, write %d, last acked offer %d)", i, r, w, offered)
				}
			})
		}
	}
}

// killChild writes like a persistent queue, one item consumed for every two
// offered, and prints each acknowledged step until it is killed.
func killChild(t *testing.T, dir string) {
	withSegmentSize(t, 256<<10)
	e := startStore(t, dir, nil, func(c *Config) { c.Durability = durability(os.Getenv("EMS_JOURNAL_KILL_DURABILITY")) })
	cl := e.client(t, "otlp", "logs")
	item := randomValue(2048)
	w, r := 0, 0
	meta := func() []byte { return fmt.Appendf(nil, "%d %d", w, r) }
	for {
		w++
		if err := cl.Batch(ctx, setOp("qmv0", meta()), setOp(strconv.Itoa(w-1), item)); err != nil {
			t.Fatal(err)
		}
		if w%2 == 0 {
			get := getOp(strconv.Itoa(r))
			r++
			if err := cl.Batch(ctx, setOp("qmv0", meta()), get); err != nil || len(get.Value) != len(item) {
				t.Fatalf("read %d: %v, %d bytes", r-1, err, len(get.Value))
			}
			if err := cl.Batch(ctx, setOp("qmv0", meta()), deleteOp(strconv.Itoa(r-1))); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Printf("acked %d %d\n", w, r)
	}
}
