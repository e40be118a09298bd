package sixth_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/sixth"
)

// The documented line layout of each text format (its fixed head), so a
// template cannot drift from the format it claims to be.
var shapes = map[string]*regexp.Regexp{
	"wordpress":    regexp.MustCompile(`^\[\d{2}-Dec-2026 \d{2}:\d{2}:\d{2} UTC\] (PHP (Warning|Notice|Fatal error):  |Array \( )`),
	"woocommerce":  regexp.MustCompile(`^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00 (DEBUG|INFO|ERROR|NOTICE) `),
	"jenkins":      regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000 \[id=\d+\]\t(INFO|WARNING|SEVERE)\t[\w.$]+#\w+: `),
	"artifactory":  regexp.MustCompile(`^2026-[\d-]+T[\d:.]+Z\|[0-9a-f]{16}\|[^|]+\|[^|]+\|(GET|PUT|POST)\|/[^|]*\|\d{3}\|\d+\|\d+\|\d+\|[^|]+$`),
	"fluentbit":    regexp.MustCompile(`^\[2026/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\] \[ ?(info|error|warn|debug)\] \[[\w :.]+\] `),
	"lighttpd":     regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: \(\w+\.c\.\d+\) `),
	"varnishlog":   regexp.MustCompile(`^-   (ReqHeader|ReqURL) +\S`),
	"catalina":     regexp.MustCompile(`^\d{2}-Dec-2026 \d{2}:\d{2}:\d{2}\.\d{3} (INFO|SEVERE|WARNING) \[[\w-]+\] [\w.]+ `),
	"nlog":         regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{4}\|(INFO|DEBUG|ERROR|WARN)\|[\w.]+\|`),
	"sidekiq":      regexp.MustCompile(`^2026-[\d-]+T[\d:.]+Z pid=\d+ tid=[0-9a-z]+ class=\w+ jid=[0-9a-f]{24} (elapsed=[\d.]+ )?(INFO|WARN): `),
	"phoenix":      regexp.MustCompile(`^\d{2}:\d{2}:\d{2}\.\d{3} request_id=F\w{19} \[info\] `),
	"zookeeper":    regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} \[myid:\d\] - (INFO|WARN|ERROR) +\[.+\] - `),
	"nomad":        regexp.MustCompile(`^2026-[\d-]+T[\d:.]+Z \[(INFO|WARN|ERROR|DEBUG)\] +[\w.]+: `),
	"freeradius":   regexp.MustCompile(`^(Tue Dec +\d+ \d{2}:\d{2}:\d{2} 2026 : Auth: \(\d+\) |\t[A-Z][\w-]+ = )`),
	"cisco_ise":    regexp.MustCompile(`^<\d+>Dec +\d+ \d{2}:\d{2}:\d{2} ise01 CISE_\w+ \d{10} 1 0 `),
	"wireguard":    regexp.MustCompile(`^((PrivateKey|PresharedKey|Endpoint) = |wireguard: wg0: )`),
	"windows_dns":  regexp.MustCompile(`^12/\d+/2026 \d+:\d{2}:\d{2} (AM|PM) [0-9A-F]{4} PACKET  [0-9A-F]{16} UDP (Rcv|Snd) \S+ +[0-9a-f]{4} +Q \[`),
	"nats":         regexp.MustCompile(`^\[\d+\] 2026/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6} \[(INF|ERR|WRN)\] `),
	"sentinel":     regexp.MustCompile(`^(\d+:X \d{2} Dec 2026 \d{2}:\d{2}:\d{2}\.\d{3} # [+-]|sentinel auth-pass mymaster )`),
	"veeam":        regexp.MustCompile(`^\[\d{2}\.12\.2026 \d{2}:\d{2}:\d{2}\.\d{3}\] < *\d+> (cli|lpb)\| `),
	"hana_trace":   regexp.MustCompile(`^\[\d+\]\{-?\d+\}\[-?\d+/-?\d+\] 2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6} [iwe] \w+ +\w+\.(cc|cpp)\(\d{5}\) : `),
	"goldengate":   regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}  (INFO|WARNING|ERROR) +OGG-\d{5}  Oracle GoldenGate `),
	"egov_sql":     regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} INFO \[jdbc\.(sqlonly|sqltiming)\] `),
	"bank_fixed":   regexp.MustCompile(`^\[2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] SEND 0200 KFTC\d{6} {6} 전문번호=\d{7} `),
	"iso8583":      regexp.MustCompile(`^  <field id="\d+" value="[^"]+"/>`),
	"parcel_api":   regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} INFO \[delivery-api\] `),
	"emr_ocs":      regexp.MustCompile(`^\[2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\] \[OCS\] `),
	"linkerd":      regexp.MustCompile(`^\[ *\d+\.\d{6}s\]  (WARN|INFO|DEBUG) ThreadId\(\d{2}\) [\w:{}=., ()-]+: `),
	"sccm_cmtrace": regexp.MustCompile(`^<!\[LOG\[.+\]LOG\]!><time="[\d:.]+-540" date="12-\d{2}-2026" component="\w+" context="" type="[123]" thread="\d+" file="[^"]*">$`),
	"commvault":    regexp.MustCompile(`^\d+ +[0-9a-f]{3} +12/\d{2} \d{2}:\d{2}:\d{2} \d+ +\S`),
	"insurance":    regexp.MustCompile(`^2026-\d{2}-\d{2} \d{2}:\d{2}:\d{2} INFO \[청약\] `),
}

func TestTextFormatsHaveTheirLayout(t *testing.T) {
	t.Parallel()
	for _, f := range sixth.Formats() {
		if syn, _ := sixth.SyntaxOf(f); syn == sixth.Text {
			require.Contains(t, shapes, f, "text format %s has a layout check", f)
		}
	}
	for _, l := range sixth.Generate(11, 20000) {
		if re := shapes[l.Format]; re != nil {
			require.Regexp(t, re, l.Text, l.Format)
		}
	}
}
