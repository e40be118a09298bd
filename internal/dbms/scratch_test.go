package dbms

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"
)

func TestScratchPG(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	c := NewPGClient(Settings{Name: "pg", Engine: PostgreSQL, Endpoint: "127.0.0.1:25432", Username: "monuser", Password: "ems-monitor-pw", QueryTimeout: 2 * time.Second})
	if err := c.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := c.Scrape(context.Background())
	b, _ := json.MarshalIndent(st, "", " ")
	t.Logf("%s\nerr=%v conns=%d", b, err, c.OpenConns())
	c.Close()
}

func TestScratchMy(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	c := NewMySQLClient(Settings{Name: "my", Engine: MariaDB, Endpoint: "127.0.0.1:23306", Username: "monuser", Password: "ems-monitor-pw", QueryTimeout: 2 * time.Second})
	if err := c.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, err := c.Scrape(context.Background())
	t.Logf("n=%d bp=%d repl=%v %s trx=%d err=%v conns=%d", len(st.Status), st.BufferPoolSize, st.Replicas, st.ReplicaStatement, st.Transactions, err, c.OpenConns())
	c.Close()
}
