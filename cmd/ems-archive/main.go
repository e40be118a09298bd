// Command ems-archive creates signing keys for the archive exporter, verifies
// archives and exports their records for inspection.
package main

import (
	"bufio"
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"

	"github.com/otelcol-ems/otelcol-ems/internal/archive"
)

const usage = `usage:
  ems-archive keygen --out FILE
  ems-archive verify --dir DIR --public-key KEY [--public-key KEY2 ...] [--seals FILE_OR_DIR]
  ems-archive export --dir DIR --public-key KEY --start T --end T [--filter attr=value ...]

KEY is a public key as keygen printed it (ed25519:...) or a file holding it.
T is RFC 3339 (2026-01-31T00:00:00Z) or a date (2026-01-31).
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "keygen":
		err = keygen(args[1:], stdout)
	case "verify":
		err = verify(args[1:], stdout)
	case "export":
		err = export(args[1:], stdout)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		err = fmt.Errorf("unknown command %q", args[0])
	}
	if err == nil {
		return 0
	}
	var p *archive.Problem
	if errors.As(err, &p) {
		fmt.Fprintf(stderr, "NOT INTACT: %v\n", p)
		return 1
	}
	fmt.Fprintf(stderr, "ems-archive: %v\n", err)
	if errors.Is(err, errUsage) {
		fmt.Fprint(stderr, usage)
	}
	return 2
}

var errUsage = errors.New("bad arguments")

func keygen(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("keygen", flag.ContinueOnError)
	out := fs.String("out", "", "file to write the private key to (created with mode 0600)")
	if err := fs.Parse(args); err != nil || *out == "" {
		return fmt.Errorf("%w: keygen needs --out FILE", errUsage)
	}
	pub, err := archive.GenerateKey(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote private key %s; public key: %s\n", *out, archive.FormatPublicKey(pub))
	return nil
}

type common struct {
	fs   *flag.FlagSet
	dir  *string
	keys multi
}

func newCommon(name string) *common {
	c := &common{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	c.dir = c.fs.String("dir", "", "archive directory")
	c.fs.Var(&c.keys, "public-key", "public key (repeatable, for rotated keys)")
	return c
}

func (c *common) parse(args []string) ([]ed25519.PublicKey, error) {
	if err := c.fs.Parse(args); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if *c.dir == "" || len(c.keys) == 0 {
		return nil, fmt.Errorf("%w: %s needs --dir and at least one --public-key", errUsage, c.fs.Name())
	}
	var keys []ed25519.PublicKey
	for _, k := range c.keys {
		pk, err := archive.ParsePublicKey(k)
		if err != nil {
			return nil, err
		}
		keys = append(keys, pk)
	}
	return keys, nil
}

func verify(args []string, stdout io.Writer) error {
	c := newCommon("verify")
	seals := c.fs.String("seals", "", "witness seals: a directory of seal files or a file with one seal per line")
	keys, err := c.parse(args)
	if err != nil {
		return err
	}
	var ext []archive.SignedSeal
	if *seals != "" {
		if ext, err = archive.ReadSeals(*seals); err != nil {
			return fmt.Errorf("--seals: %w", err)
		}
	}
	start := time.Now()
	rep, err := archive.Verify(*c.dir, keys, ext, nil)
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "INTACT: %d records (%d present, %d removed by signed retention) in %d segments, %d seals",
		rep.Records, rep.Present, rep.Records-rep.Present, rep.Segments, rep.Seals)
	if *seals != "" {
		fmt.Fprintf(stdout, ", %d witness seals match", rep.ExternalSeals)
	}
	fmt.Fprintf(stdout, "; %.1f MB verified in %v (%.0f MB/s)\n", float64(rep.Bytes)/1e6, took.Round(time.Millisecond), float64(rep.Bytes)/1e6/max(took.Seconds(), 1e-6))
	if rep.LastSeal != nil {
		fmt.Fprintf(stdout, "last seal: %d (%s) at %s, head %s\n", rep.LastSeal.Seq, rep.LastSeal.Reason,
			time.Unix(0, rep.LastSeal.Time).UTC().Format(time.RFC3339), rep.LastSeal.Head)
	}
	for _, d := range rep.Deleted {
		fmt.Fprintf(stdout, "signed deletion: segment %d (records %d..%d, newest %s)\n", d.Segment, d.FirstIndex, d.Records-1,
			time.Unix(0, d.LastTime).UTC().Format(time.RFC3339))
	}
	for _, r := range rep.Recoveries {
		fmt.Fprintf(stdout, "recovered torn tail: segment %d, %d bytes after offset %d (%s)\n", r.Segment, r.TornBytes, r.ValidBytes, r.Reason)
	}
	if rep.Unsealed > 0 {
		fmt.Fprintf(stdout, "warning: %d records after the last seal are not sealed yet (the collector stopped without a shutdown seal; its next start seals them)\n", rep.Unsealed)
	}
	for _, k := range rep.Keys {
		fmt.Fprintf(stdout, "signing key: %s\n", k)
	}
	return nil
}

func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

func export(args []string, stdout io.Writer) error {
	c := newCommon("export")
	startS := c.fs.String("start", "", "start of the period (inclusive)")
	endS := c.fs.String("end", "", "end of the period (exclusive)")
	var filters multi
	c.fs.Var(&filters, "filter", "attr=value on the record's or its resource's attributes (repeatable, all must match)")
	keys, err := c.parse(args)
	if err != nil {
		return err
	}
	start, err := parseTime(*startS)
	if err != nil {
		return fmt.Errorf("%w: --start %q: %v", errUsage, *startS, err)
	}
	end, err := parseTime(*endS)
	if err != nil {
		return fmt.Errorf("%w: --end %q: %v", errUsage, *endS, err)
	}
	match := map[string]string{}
	for _, f := range filters {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return fmt.Errorf("%w: --filter %q is not attr=value", errUsage, f)
		}
		match[k] = v
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var um plog.ProtoUnmarshaler
	var jm plog.JSONMarshaler
	lo, hi := pcommon.NewTimestampFromTime(start), pcommon.NewTimestampFromTime(end)
	_, err = archive.Verify(*c.dir, keys, nil, func(r archive.Record, arrival int64) error {
		ld, err := um.UnmarshalLogs(r.Data)
		if err != nil {
			return &archive.Problem{Kind: archive.KindModified, Record: int64(r.Index), Offset: -1, Detail: "record is not OTLP: " + err.Error()}
		}
		if !keep(ld, lo, hi, pcommon.Timestamp(arrival), match) {
			return nil
		}
		b, err := jm.MarshalLogs(ld)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
		return out.WriteByte('\n')
	})
	return err
}

// keep reports whether the one record in ld falls in [lo, hi) by its time
// (observed time, then arrival, when it has none) and matches every filter.
func keep(ld plog.Logs, lo, hi, arrival pcommon.Timestamp, match map[string]string) bool {
	rl := ld.ResourceLogs().At(0)
	lr := rl.ScopeLogs().At(0).LogRecords().At(0)
	ts := lr.Timestamp()
	if ts == 0 {
		ts = lr.ObservedTimestamp()
	}
	if ts == 0 {
		ts = arrival
	}
	if ts < lo || ts >= hi {
		return false
	}
	for k, want := range match {
		v, ok := lr.Attributes().Get(k)
		if !ok {
			v, ok = rl.Resource().Attributes().Get(k)
		}
		if !ok || v.AsString() != want {
			return false
		}
	}
	return true
}
