package eighth_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus/eighth"
)

const (
	iso   = `2026-12-0[12]T\d{2}:\d{2}:\d{2}`
	dt    = `2026-12-0[12] \d{2}:\d{2}:\d{2}`
	slash = `2026/12/0[12] \d{2}:\d{2}:\d{2}`
	sys   = `Dec +[12] \d{2}:\d{2}:\d{2}`
)

// The documented line head of each text format, so a template cannot drift
// from the format it claims to be.
var shapes = map[string]string{
	"tempo":              `^level=(info|warn|error|debug) ts=` + iso + `\.\d{9}Z caller=\w+\.go:\d+ `,
	"containerd":         `^time="` + iso + `\.\d{9}Z" level=(debug|info) msg="`,
	"datadog_agent":      `^` + dt + ` UTC \| (CORE|TRACE|PROCESS) \| (INFO|WARN|DEBUG) \| \([\w/.]+:\d+ in \w+\) \| `,
	"newrelic_java":      `^` + iso + `,\d{3}\+0900 \[\d+ \d+\] com\.newrelic (INFO|FINE): `,
	"dynatrace_oneagent": `^` + dt + `\.\d{3} UTC \[[0-9a-f]{8}\] (info|warning) +\[\w+\] `,
	"podman":             `^time="` + iso + `\+09:00" level=(debug|info) msg="`,
	"systemd_resolved":   `^(` + iso + `\+0900 \S+ systemd-resolved\[\d+\]: | +DNS Servers: )`,
	"chrony":             `^(` + dt + ` \S+ +N +\d|\^\* \S+ +\d+ +\d+ +377 |/etc/chrony/chrony\.keys:\d+ SHA256 HEX:)`,
	"vitess_querylog":    `^Execute\t[\d.]+:\d+\tvt_app\t"vt_app"\t""\t` + dt + `\.\d{6}\t`,
	"pgpool":             `^` + dt + `\.\d{3}: .+ pid \d+: LOG:  `,
	"sybase_ase":         `^(00:\d{4}:00000:\d{5}:2026/12/0[12] \d{2}:\d{2}:\d{2}\.\d{2} (server|kernel)  |RUN_SYB01: isql |1> exec sp_password )`,
	"informix":           `^\d{2}:\d{2}:\d{2}  (Listener-thread: err = -951|\[esql\] EXEC SQL CONNECT|onstat -g his: )`,
	"tibero":             `^\[` + iso + `\.\d{6}\] \[(DDL|FRM)-\d+\] \[I\] `,
	"hbase":              `^` + dt + `,\d{3} (INFO |WARN |ERROR) \[RpcServer\.default\.FPBQ\.Fifo\.handler=\d+,queue=\d,port=16020\] `,
	"resin":              `^\[26-12-0[12] \d{2}:\d{2}:\d{2}\.\d{3}\] \{[\w-]+\} `,
	"nginx_unit":         `^` + slash + ` \[(info|error|notice)\] \d+#\d+ `,
	"openresty":          `^` + slash + ` \[(error|warn|info)\] \d+#\d+: \*\d+ \[lua\] \w+\.lua:\d+: `,
	"laravel":            `^\[` + dt + `\] (production|local)\.(ERROR|INFO|WARNING|DEBUG): `,
	"symfony":            `^\[` + iso + `\.\d{6}\+09:00\] (request|security|doctrine)\.(INFO|DEBUG): .* \[\]$`,
	"micronaut":          `^\d{2}:\d{2}:\d{2}\.\d{3} \[[\w-]+\] (TRACE|INFO |DEBUG) [\w.]+ - `,
	"authelia":           `^time="` + iso + `\+09:00" level=(error|debug|info) msg="`,
	"erlang_logger":      `^` + iso + `\.\d{6}\+09:00 (error|notice|info): `,
	"android_timber":     `^12-0[12] \d{2}:\d{2}:\d{2}\.\d{3} \d+ \d+ [DIW] \w+: `,
	"ios_oslog":          `^` + dt + `\.\d{6}\+0900 0x[0-9a-f]{6} +(Default|Info|Error) +0x0 +\d+ +0 +ShopApp: `,
	"defender_mplog":     `^` + iso + `\.\d{3}Z (DETECTION |Engine Version: |Network protection )`,
	"unifi":              `^(<30>` + sys + ` (U6-Pro,[0-9a-f]{12},v[\d.]+:|UDM-Pro) |system\.cfg: mgmt\.)`,
	"fortiauthenticator": `^date=2026-12-0[12] time=\d{2}:\d{2}:\d{2} devname="FAC-VM" devid="FAC-VMTM\w+" logid="\d+" type="event" subtype="Authentication" `,
	"sophos_xg":          `^device="SFW" date=2026-12-0[12] time=\d{2}:\d{2}:\d{2} timezone="KST" device_name="XGS2100" device_id="\w+" log_id=\d{12} log_type="`,
	"barracuda_waf":      `^` + dt + `\.\d{3} \+0900 waf01 (WF ALER|TR|SYS INFO) `,
	"diameter":           `^   AVP: '[\w-]+'\(\d+\) l=\d+ f=-M- val=`,
	"modbus_gateway":     `^<14>` + sys + ` MGate5105 \[(Modbus|Config|System)\] `,
	"gerrit":             `^\[` + iso + `\.\d{3}\+09:00\] `,
	"bitbucket":          `^([\d.]+ \| https \| i@|` + dt + `,\d{3} (WARN |INFO ) \[)`,
	"sonarqube":          `^(2026\.12\.0[12] \d{2}:\d{2}:\d{2} (INFO|WARN)  (ce|web)\[AY\w{18}\]\[[\w.]+\] |\+ sonar-scanner )`,
	"nexus":              `^(` + dt + `,\d{3}\+0000 (WARN|INFO)  \[qtp\d+-\d+\] |npm verb config )`,
	"harbor":             `^` + iso + `Z \[(DEBUG|ERROR|INFO)\] \[/[\w/]+\.go:\d+\]: `,
	"pulsar":             `^` + iso + `,\d{3}\+0000 \[pulsar-io-\d-\d\] (INFO|WARN)  org\.apache\.pulsar\.`,
	"nifi":               `^` + dt + `,\d{3} (ERROR|INFO) \[[\w -]+\] [\w.]+ `,
	"sap_icm":            `^\[Thr \d{15}\] Wed Dec  [12] \d{2}:\d{2}:\d{2}:\d{3} 2026 \w+: `,
	"peoplesoft":         `^(PSAPPSRV\.\d+ \(\d\) \[12/0[12]/26 \d{2}:\d{2}:\d{2} |psappsrv\.cfg:UserId=)`,
	"courier_mta":        `^` + sys + ` mail (courieresmtpd|imapd-ssl|authdaemond|courierlocal): `,
	"nhis_edi":           `^\[` + dt + `\] \[EDI-(SND|RCV)\] `,
	"wms":                `^` + dt + `\.\d{3} \[WMS-(OUT|INB|DLV)\] `,
}

func TestTextFormatsHaveTheirLayout(t *testing.T) {
	t.Parallel()
	res := map[string]*regexp.Regexp{}
	for f, p := range shapes {
		res[f] = regexp.MustCompile(p)
	}
	for _, f := range eighth.Formats() {
		if syn, _ := eighth.SyntaxOf(f); syn == eighth.Text {
			require.Contains(t, shapes, f, "text format %s has a layout check", f)
		}
	}
	for _, l := range eighth.Generate(11, 20000) {
		if re := res[l.Format]; re != nil {
			require.Regexp(t, re, l.Text, l.Format)
		}
		if l.Format == "vitess_querylog" {
			require.Len(t, strings.Split(l.Text, "\t"), 18, "vitess query log has 18 fields: %s", l.Text)
		}
	}
}
