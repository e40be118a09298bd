//go:build !linux

package snmptrap

import "net"

// growReadBuffer asks for a receive buffer of n bytes; the system may cap it.
func growReadBuffer(c *net.UDPConn, n int) { _ = c.SetReadBuffer(n) }
