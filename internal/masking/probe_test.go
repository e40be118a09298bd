package masking

import (
	"bufio"
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	f, err := os.Open(os.Getenv("PROBE"))
	if err != nil {
		t.Skip()
	}
	m := newTestMasker(t, Config{Detectors: StrictDetectors()})
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		counts := make([]int64, m.NumCounters())
		out, _ := m.MaskString("", sc.Text(), counts)
		again, _ := m.MaskString("", out, counts)
		mark := " "
		if out == sc.Text() {
			mark = "="
		}
		if again != out {
			mark = "!"
		}
		t.Logf("%s %s", mark, out)
	}
}
