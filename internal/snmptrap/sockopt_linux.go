package snmptrap

import (
	"net"

	"golang.org/x/sys/unix"
)

// growReadBuffer asks for a receive buffer of n bytes. SetReadBuffer is
// capped by net.core.rmem_max (208 KiB on a default Debian, a fraction of a
// second of traps at 10k/s); with CAP_NET_ADMIN, SO_RCVBUFFORCE passes the
// cap. Failure only means earlier kernel drops under a burst.
func growReadBuffer(c *net.UDPConn, n int) {
	_ = c.SetReadBuffer(n)
	raw, err := c.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		if got, err := unix.GetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF); err == nil && got >= n {
			return
		}
		_ = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, n)
	})
}
