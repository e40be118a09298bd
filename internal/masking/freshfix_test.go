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

func TestFreshCorpusAddresses(t *testing.T) {
	t.Parallel()
	checkGeneral(t, []generalCase{
		{"squid hierarchy", `GET http://x/ - HIER_DIRECT/198.51.100.140 text/html`, `GET http://x/ - HIER_DIRECT/[REDACTED:ipv4] text/html`},
		{"squid old code", `TCP_MISS/200 12 GET http://x/ - DIRECT/10.1.2.3 -`, `TCP_MISS/200 12 GET http://x/ - DIRECT/[REDACTED:ipv4] -`},
		{"product version stays", `Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36`, `Mozilla/5.0 Chrome/124.0.0.0 Safari/537.36`},
		{"db2 appid", `APPID: 31.151.123.168.55003.468665804988 AUTHID : X`, `APPID: [REDACTED:ipv4].55003.468665804988 AUTHID : X`},
		{"oid stays", `oid 1.3.6.1.4.1.2021.10.1.3.1 = x`, `oid 1.3.6.1.4.1.2021.10.1.3.1 = x`},
	})
}
