package seventh_test

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/seventh"
)

// The documented line layout of each text format (its fixed head), so a
// template cannot drift from the format it claims to be.
var shapes = map[string]*regexp.Regexp{
	"logstash":        regexp.MustCompile(`^\[2026-12-\d{2}T\d{2}:\d{2}:\d{2},\d{3}\]\[(WARN |INFO )\]\[logstash\.[\w.]+ *\]\[main\]`),
	"grafana":         regexp.MustCompile(`^logger=[\w.]+ (userId=\d+ orgId=\d+ uname=\S* )?t=2026-12-\d{2}T[\d:.]+Z level=(info|warn) msg=`),
	"prometheus":      regexp.MustCompile(`^ts=2026-12-\d{2}T[\d:.]+Z caller=\w+\.go:\d+ level=(debug|info|warn) `),
	"loki":            regexp.MustCompile(`^level=info ts=2026-12-\d{2}T[\d:.]+Z caller=metrics\.go:159 component=frontend org_id=fake traceID=[0-9a-f]{16} latency=(fast|slow) query="`),
	"docker_registry": regexp.MustCompile(`^time="2026-12-\d{2}T[\d:.]+Z" level=(info|warning|error) msg="([^"\\]|\\.)+" `),
	"kubelet":         regexp.MustCompile(`^[IEW]12\d{2} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [\w.]+\.go:\d+\] `),
	"flink":           regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2},\d{3} (INFO |WARN ) org\.apache\.flink\.[\w.]+ +\[\] - `),
	"cockroach":       regexp.MustCompile(`^I2612\d{2} \d{2}:\d{2}:\d{2}\.\d{6} \d+ \d+@[\w/]+\.go:\d+ ⋮ \[[^\]]+\] \d+ `),
	"tidb":            regexp.MustCompile(`^\[2026/12/\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \+09:00\] \[INFO\] \[session\.go:\d+\] \[GENERAL_LOG\] \[conn=\d+\] .*\[sql=".*"\]$`),
	"mariadb_audit":   regexp.MustCompile(`^202612\d{2} \d{2}:\d{2}:\d{2},db0\d,\w+,[^,]+,\d+,\d+,(CONNECT|QUERY),\w+,.*,\d+$`),
	"pgbouncer":       regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC \[\d+\] (LOG|WARNING) (([CS]-0x[0-9a-f]+: )|stats: )`),
	"hadoop":          regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2},\d{3} INFO  ?(FSNamesystem\.audit: allowed=true\t|resourcemanager\.RMAuditLogger: USER=|\[HiveServer2-Background-Pool: Thread-\d+\]: ql\.Driver )`),
	"websphere":       regexp.MustCompile(`^\[12/\d{1,2}/26 \d{1,2}:\d{2}:\d{2}:\d{3} KST\] [0-9a-f]{8} \w+ +[OREA] `),
	"liberty":         regexp.MustCompile(`^\[12/\d{1,2}/26, \d{1,2}:\d{2}:\d{2}:\d{3} KST\] [0-9a-f]{8} [\w.]+ +[IAO] `),
	"uwsgi":           regexp.MustCompile(`^\[pid: \d+\|app: 0\|req: \d+/\d+\] \S+ \(\) \{\d+ vars in \d+ bytes\} \[(Mon|Tue|Wed|Thu|Fri|Sat|Sun) Dec [ \d]\d \d{2}:\d{2}:\d{2} 2026\] (GET|POST) \S+ => generated \d+ bytes in \d+ msecs \(HTTP/1\.1 \d{3}\) \d+ headers in \d+ bytes \(1 switches on core \d\)$`),
	"phpfpm":          regexp.MustCompile(`^\[\d{2}-Dec-2026 \d{2}:\d{2}:\d{2}\] (WARNING: \[pool www\] child \d+ said into stderr: "NOTICE: PHP message: .*"|NOTICE: \[pool www\] child \d+ exited with code 0 after [\d.]+ seconds from start)$`),
	"morgan":          regexp.MustCompile(`^((GET|POST) \S+ \d{3} [\d.]+ ms - \d+|\S+ - (GET|POST) \S+ HTTP/1\.1 \d{3} \d+ - [\d.]+ ms)$`),
	"nestjs":          regexp.MustCompile(`^\[Nest\] \d+  - 12/\d{2}/2026, \d{1,2}:\d{2}:\d{2} (AM|PM)     (LOG|ERROR|WARN|DEBUG) \[\w+\] `),
	"efcore":          regexp.MustCompile(`^info: Microsoft\.(EntityFrameworkCore\.Database\.Command\[20101\] Executed DbCommand \(\d+ms\) \[Parameters=\[|AspNetCore\.Hosting\.Diagnostics\[[12]\] Request (starting|finished) HTTP/1\.1 )`),
	"quarkus":         regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2},\d{3} (DEBUG|INFO ) \[[\w.]+\] \([\w.-]+\) `),
	"akka":            regexp.MustCompile(`^\[(INFO|DEBUG|WARNING)\] \[12/\d{2}/2026 \d{2}:\d{2}:\d{2}\.\d{3}\] \[shop-akka\.actor\.default-dispatcher-\d+\] \[akka(\.tcp)?://shop[^\]]*\] `),
	"go_runtime":      regexp.MustCompile(`^(panic: |main\.\(\*Server\)\.handleLogin\(0xc|2026/12/\d{2} \d{2}:\d{2}:\d{2} |\t/go/pkg/mod/|go: downloading )`),
	"rust_tracing":    regexp.MustCompile(`^2026-12-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z ( INFO|DEBUG| WARN) ([\w{}=/. ":,-]+: )?[\w:]+: `),
	"netscaler":       regexp.MustCompile(`^<134> 12/\d{2}/2026:\d{2}:\d{2}:\d{2} GMT ns01 0-PPE-0 : default (SSLVPN LOGIN|AAA LOGIN_FAILED|TCP CONN_TERMINATE) \d+ 0 : `),
	"aruba":           regexp.MustCompile(`^<14\d>Dec [ \d]\d \d{2}:\d{2}:\d{2} 2026 aruba-mc01 \w+\[\d+\]: <\d{6}> <(INFO|NOTI)> \|`),
	"sonicwall":       regexp.MustCompile(`^id=firewall sn=0017C5[0-9A-F]{6} time="2026-12-\d{2} \d{2}:\d{2}:\d{2} UTC" fw=\S+ pri=6 c=\d+ m=\d+ msg="`),
	"qmail":           regexp.MustCompile(`^@400000006[0-9a-f]{15} (info msg|starting delivery|delivery|status:) `),
	"kakaopay":        regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (INFO |DEBUG) \[kakaopay-client\] (>>|<<) `),
	"datagokr":        regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} (INFO |DEBUG) \[PublicDataClient\] (GET|POST|<<) `),
	"cti":             regexp.MustCompile(`^2026-12-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[CTI\] (EVT_RINGING|EVT_ESTABLISHED|IVR_INPUT|AGENT_MEMO) CallID=202612\d{14} `),
	"van_pos":         regexp.MustCompile(`^\[2026-12-\d{2} \d{2}:\d{2}:\d{2}\] \[(VAN|POS|ATM)\] `),
	"game_server":     regexp.MustCompile(`^\[2026-12-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\]\[(INFO|WARN)\]\[\w+Server\] `),
}

func TestTextFormatsHaveTheirLayout(t *testing.T) {
	t.Parallel()
	for _, f := range seventh.Formats() {
		if seventh.SyntaxOf(f) == seventh.Text {
			require.Contains(t, shapes, f, "text format %s has a layout check", f)
		}
	}
	for _, l := range seventh.Generate(11, 20000) {
		if re := shapes[l.Format]; re != nil {
			require.Regexp(t, re, l.Text, l.Format)
		}
	}
}
