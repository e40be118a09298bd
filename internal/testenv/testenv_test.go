package testenv

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRepoRootHoldsTheModule(t *testing.T) {
	t.Parallel()
	_, err := os.Stat(filepath.Join(RepoRoot(), "go.mod"))
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(RepoRoot(), "tests", "services", "snmpd.sh"))
	require.NoError(t, err, "service scripts are found from the root")
}

func TestFreePortsCanBeBound(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", FreeAddr(t))
	require.NoError(t, err)
	require.NoError(t, l.Close())
	c, err := net.ListenPacket("udp", Addr(FreeUDPPort(t)))
	require.NoError(t, err)
	require.NoError(t, c.Close())
	assert.Equal(t, "127.0.0.1:"+strconv.Itoa(8080), Addr(8080))
}

func TestServicesDirFollowsTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("EMS_SERVICES_DIR", dir)
	assert.Equal(t, dir, ServicesDir())
}
