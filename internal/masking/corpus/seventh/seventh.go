package seventh

import (
	"math/rand/v2"

	"github.com/otelcol-ems/otelcol-ems/internal/masking/corpus"
)

// DefaultLines and DefaultSeed are the size and seed of the scored run.
const (
	DefaultLines = 50000
	DefaultSeed  = 1
)

// Line is one generated line with per-value classes.
type Line struct {
	corpus.Line
	Classes     []string // parallel to Line.Secrets
	LookClasses []string // parallel to Line.LookAlikes
}

func secret(kind, v string) corpus.Secret { return corpus.Secret{Kind: kind, Value: v} }

// Syntax is how a format's line can be parsed, for the generator's checks.
type Syntax int

// Syntaxes of formats.
const (
	Text Syntax = iota
	JSON
	XML
	CSV
)

type format struct {
	name   string
	syntax Syntax
	make   func(b *builder)
}

// Formats lists the format names in rotation order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// SyntaxOf returns the syntax of a format (Text for an unknown name).
func SyntaxOf(name string) Syntax {
	for _, f := range formats {
		if f.name == name {
			return f.syntax
		}
	}
	return Text
}

// Generate returns n lines from seed, the formats in rotation.
func Generate(seed uint64, n int) []Line {
	r := rand.New(rand.NewPCG(seed, 0x73657665_6e746821))
	out := make([]Line, 0, n)
	for i := range n {
		f := formats[i%len(formats)]
		b := &builder{gen: gen{r}}
		b.l.Format = f.name
		f.make(b)
		b.l.Text = b.sb.String()
		b.finish()
		out = append(out, b.l)
	}
	return out
}

// formats in rotation order; the package doc names the documentation of each.
var formats = []format{
	{"es_slowlog", JSON, esSlowlog},
	{"logstash", Text, logstash},
	{"grafana", Text, grafana},
	{"prometheus", Text, prometheus},
	{"loki", Text, loki},
	{"jaeger", JSON, jaeger},
	{"docker_registry", Text, dockerRegistry},
	{"kubelet", Text, kubelet},
	{"flink", Text, flink},
	{"cockroach", Text, cockroach},
	{"tidb", Text, tidb},
	{"mariadb_audit", Text, mariadbAudit},
	{"pgbouncer", Text, pgbouncer},
	{"oracle_audit", XML, oracleAudit},
	{"sqlserver_xe", XML, sqlserverXE},
	{"trino", JSON, trino},
	{"snowflake", CSV, snowflake},
	{"hadoop", Text, hadoop},
	{"websphere", Text, websphere},
	{"liberty", Text, liberty},
	{"uwsgi", Text, uwsgi},
	{"phpfpm", Text, phpfpm},
	{"morgan", Text, morgan},
	{"nestjs", Text, nestjs},
	{"efcore", Text, efcore},
	{"quarkus", Text, quarkus},
	{"akka", Text, akka},
	{"go_runtime", Text, goRuntime},
	{"rust_tracing", Text, rustTracing},
	{"sysmon", XML, sysmon},
	{"netscaler", Text, netscaler},
	{"aruba", Text, aruba},
	{"sonicwall", Text, sonicwall},
	{"cloudflare", JSON, cloudflare},
	{"akamai", JSON, akamai},
	{"aws_waf", JSON, awsWAF},
	{"guardduty", JSON, guardduty},
	{"entra_signin", JSON, entraSignin},
	{"qmail", Text, qmail},
	{"mailgun", JSON, mailgun},
	{"vonage", JSON, vonage},
	{"kakaopay", Text, kakaopay},
	{"datagokr", Text, dataGoKr},
	{"etax", XML, etax},
	{"payroll", CSV, payroll},
	{"shop_orders", CSV, shopOrder},
	{"cti", Text, cti},
	{"van_pos", Text, vanPOS},
	{"game_server", Text, gameServer},
	{"mqtt_iot", JSON, mqttIoT},
	{"cdr", CSV, cdr},
}
