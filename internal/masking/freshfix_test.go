package masking

import "testing"

// The causes the fresh corpus found on first contact, and look-alikes next
// to them that must stay.
func TestFreshCorpusFixes(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"star-led password", `password="*g!lfPRCo7Er9IPL";`, `password="[REDACTED:secret]";`},
		{"two stars then password", `<property name="password" value="**HuZ0SanBJkOq"/>`, `<property name="password" value="[REDACTED:secret]"/>`},
		{"star mask stays", `password=***`, `password=***`},
		{"partial mask stays", `password=********9IPL`, `password=********9IPL`},
	})
}
