package snmptrap

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"
)

// Consumer takes decoded traps; an error refuses them all (informs among
// them are then not acknowledged, so their senders retry).
type Consumer func(ctx context.Context, traps []*Trap) error

// Hooks are called with counts as messages arrive and leave; any may be nil.
type Hooks struct {
	// Received counts messages read from the network.
	Received func(n int64)
	// Accepted counts traps the consumer accepted.
	Accepted func(n int64)
	// Dropped counts messages dropped, per reason.
	Dropped func(r Reason, n int64)
}

// Settings configure a Server.
type Settings struct {
	// Endpoint is host:port to listen on.
	Endpoint string
	// Transport is udp or tcp.
	Transport string
	// AllowedNetworks limits senders; empty allows all.
	AllowedNetworks []netip.Prefix
	// RatePerSource is the sustained messages per second allowed per source
	// address (0: no limit), Burst the bucket size.
	RatePerSource float64
	Burst         int
	// QueueSize bounds the messages waiting for decoding, QueueBytes their
	// total size (64 MiB by default), so that a flood of large datagrams
	// cannot take the memory of a full queue of maximal ones (640 MiB).
	QueueSize  int
	QueueBytes int64
	// Workers decode and deliver; 0 means one per CPU.
	Workers int
	// MaxBatch is the most traps delivered in one Consumer call.
	MaxBatch int
	// SocketBuffer is the UDP receive buffer asked of the kernel, in bytes.
	SocketBuffer int
	// MaxTCPConnections bounds concurrent TCP senders.
	MaxTCPConnections int
	// TCPIdleTimeout closes TCP connections that send nothing for so long.
	TCPIdleTimeout time.Duration

	Decoder  *Decoder
	Consumer Consumer
	Hooks    Hooks
	Logger   *zap.Logger
}

// maxMessage is the largest SNMP message accepted (the largest UDP payload).
const maxMessage = 65535

type item struct {
	msg []byte
	src netip.AddrPort
	now time.Time
	tcp *tcpConn
	udp *net.UDPConn
}

// Server listens for notifications and hands them to the consumer.
type Server struct {
	s       Settings
	rl      *rateLimiter
	logs    *logLimiter
	queue   chan item
	udp     *net.UDPConn
	tcp     net.Listener
	readers sync.WaitGroup
	workers sync.WaitGroup
	ctx     context.Context
	cancel  context.CancelFunc
	closed  atomic.Bool
	queued  atomic.Int64 // bytes in the queue

	connMu sync.Mutex
	conns  map[*tcpConn]struct{}
}

// NewServer checks the settings and returns a Server that is not yet
// listening.
func NewServer(s Settings) (*Server, error) {
	if s.Decoder == nil || s.Consumer == nil {
		return nil, errors.New("snmptrap: decoder and consumer are required")
	}
	if s.Transport != "udp" && s.Transport != "tcp" {
		return nil, fmt.Errorf("transport: %q is not udp or tcp", s.Transport)
	}
	if s.QueueSize <= 0 {
		s.QueueSize = 10000
	}
	if s.QueueBytes <= 0 {
		s.QueueBytes = 64 << 20
	}
	if s.Workers <= 0 {
		s.Workers = runtime.GOMAXPROCS(0)
	}
	if s.MaxBatch <= 0 {
		s.MaxBatch = 256
	}
	if s.MaxTCPConnections <= 0 {
		s.MaxTCPConnections = 256
	}
	if s.TCPIdleTimeout <= 0 {
		s.TCPIdleTimeout = 5 * time.Minute
	}
	if s.Logger == nil {
		s.Logger = zap.NewNop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &Server{
		s:      s,
		rl:     newRateLimiter(s.RatePerSource, s.Burst),
		logs:   newLogLimiter(time.Minute),
		queue:  make(chan item, s.QueueSize),
		ctx:    ctx,
		cancel: cancel,
		conns:  map[*tcpConn]struct{}{},
	}, nil
}

// Start binds the listener and starts reading and decoding.
func (srv *Server) Start() error {
	lc := net.ListenConfig{}
	switch srv.s.Transport {
	case "udp":
		pc, err := lc.ListenPacket(srv.ctx, "udp", srv.s.Endpoint)
		if err != nil {
			return fmt.Errorf("listen udp %s: %w", srv.s.Endpoint, err)
		}
		srv.udp = pc.(*net.UDPConn)
		if srv.s.SocketBuffer > 0 {
			growReadBuffer(srv.udp, srv.s.SocketBuffer)
		}
		srv.readers.Add(1)
		go srv.readUDP()
	case "tcp":
		l, err := lc.Listen(srv.ctx, "tcp", srv.s.Endpoint)
		if err != nil {
			return fmt.Errorf("listen tcp %s: %w", srv.s.Endpoint, err)
		}
		srv.tcp = l
		srv.readers.Add(1)
		go srv.acceptTCP()
	}
	for range srv.s.Workers {
		srv.workers.Add(1)
		go srv.work()
	}
	return nil
}

// Addr returns the address listened on.
func (srv *Server) Addr() net.Addr {
	switch {
	case srv.udp != nil:
		return srv.udp.LocalAddr()
	case srv.tcp != nil:
		return srv.tcp.Addr()
	}
	return nil
}

// Shutdown stops listening, lets the workers deliver what is queued until
// ctx ends, and returns. It is safe to call without Start and twice.
func (srv *Server) Shutdown(ctx context.Context) error {
	if srv == nil || !srv.closed.CompareAndSwap(false, true) {
		return nil
	}
	if srv.udp != nil {
		_ = srv.udp.Close()
	}
	if srv.tcp != nil {
		_ = srv.tcp.Close()
	}
	srv.connMu.Lock()
	for c := range srv.conns {
		_ = c.conn.Close()
	}
	srv.connMu.Unlock()
	srv.readers.Wait()
	close(srv.queue)
	done := make(chan struct{})
	go func() { srv.workers.Wait(); close(done) }()
	select {
	case <-done:
		srv.cancel()
		return nil
	case <-ctx.Done():
		srv.cancel() // ends consumer calls in flight
		<-done
		return ctx.Err()
	}
}

func (srv *Server) count(h func(int64), n int64) {
	if h != nil {
		h(n)
	}
}

func (srv *Server) dropped(r Reason, src netip.Addr, detail string, now time.Time) {
	if h := srv.s.Hooks.Dropped; h != nil {
		h(r, 1)
	}
	if srv.logs.allow(src, r, now) {
		srv.s.Logger.Warn("Dropped SNMP notification (logged once per source and reason per minute; see the dropped metric)",
			zap.String("source", src.String()), zap.String("reason", r.String()), zap.String("detail", detail))
	}
}

// admit applies the cheap checks that run on the reading goroutine.
func (srv *Server) admit(src netip.Addr, now time.Time) bool {
	if len(srv.s.AllowedNetworks) > 0 {
		ok := false
		for _, p := range srv.s.AllowedNetworks {
			if p.Contains(src) {
				ok = true
				break
			}
		}
		if !ok {
			srv.dropped(ReasonNetworkNotAllowed, src, "source outside allowed_networks", now)
			return false
		}
	}
	if !srv.rl.allow(src, now) {
		srv.dropped(ReasonRateLimited, src, "over rate_limit", now)
		return false
	}
	return true
}

func (srv *Server) enqueue(it item) {
	n := int64(len(it.msg))
	if srv.queued.Add(n) > srv.s.QueueBytes {
		srv.queued.Add(-n)
		srv.dropped(ReasonQueueFull, it.src.Addr(), "queue full (bytes): the pipeline is slower than the senders", it.now)
		return
	}
	select {
	case srv.queue <- it:
	default:
		srv.queued.Add(-n)
		srv.dropped(ReasonQueueFull, it.src.Addr(), "queue full: the pipeline is slower than the senders", it.now)
	}
}

func (srv *Server) readUDP() {
	defer srv.readers.Done()
	buf := make([]byte, maxMessage+1)
	for {
		n, ap, err := srv.udp.ReadFromUDPAddrPort(buf)
		if err != nil {
			if srv.closed.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		now := time.Now()
		srv.count(srv.s.Hooks.Received, 1)
		src := netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
		if n > maxMessage {
			srv.dropped(ReasonMalformed, src.Addr(), "datagram too large", now)
			continue
		}
		if !srv.admit(src.Addr(), now) {
			continue
		}
		msg := make([]byte, n)
		copy(msg, buf[:n])
		srv.enqueue(item{msg: msg, src: src, now: now, udp: srv.udp})
	}
}

type tcpConn struct {
	conn net.Conn
	wmu  sync.Mutex
}

func (c *tcpConn) write(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	_, err := c.conn.Write(b)
	return err
}

func (srv *Server) acceptTCP() {
	defer srv.readers.Done()
	for {
		conn, err := srv.tcp.Accept()
		if err != nil {
			if srv.closed.Load() || errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		c := &tcpConn{conn: conn}
		srv.connMu.Lock()
		if len(srv.conns) >= srv.s.MaxTCPConnections || srv.closed.Load() {
			srv.connMu.Unlock()
			_ = conn.Close()
			continue
		}
		srv.conns[c] = struct{}{}
		srv.connMu.Unlock()
		srv.readers.Add(1)
		go srv.readTCP(c)
	}
}

// readTCP reads BER-framed messages (RFC 3430) from one connection.
func (srv *Server) readTCP(c *tcpConn) {
	defer srv.readers.Done()
	defer func() {
		srv.connMu.Lock()
		delete(srv.conns, c)
		srv.connMu.Unlock()
		_ = c.conn.Close()
	}()
	ap, _ := netip.ParseAddrPort(c.conn.RemoteAddr().String())
	src := netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	r := bufio.NewReaderSize(c.conn, 16<<10)
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(srv.s.TCPIdleTimeout))
		msg, err := readFrame(r)
		if err != nil {
			if !errors.Is(err, io.EOF) && !srv.closed.Load() && !errors.Is(err, net.ErrClosed) {
				var ne net.Error
				if !errors.As(err, &ne) || !ne.Timeout() {
					srv.count(srv.s.Hooks.Received, 1)
					srv.dropped(ReasonMalformed, src.Addr(), "TCP framing: "+err.Error(), time.Now())
				}
			}
			return
		}
		now := time.Now()
		srv.count(srv.s.Hooks.Received, 1)
		if !srv.admit(src.Addr(), now) {
			continue
		}
		srv.enqueue(item{msg: msg, src: src, now: now, tcp: c})
	}
}

// readFrame reads one BER SEQUENCE from r.
func readFrame(r *bufio.Reader) ([]byte, error) {
	hdr, err := r.Peek(2)
	if err != nil {
		if len(hdr) == 0 && errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, err
	}
	if hdr[0] != tagSequence {
		return nil, errMalformed
	}
	hl, n := 2, int(hdr[1])
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 3 {
			return nil, errMalformed
		}
		full, err := r.Peek(2 + k)
		if err != nil {
			return nil, err
		}
		n = 0
		for _, b := range full[2:] {
			n = n<<8 | int(b)
		}
		hl += k
	}
	if hl+n > maxMessage {
		return nil, fmt.Errorf("message of %d bytes is too large", hl+n)
	}
	msg := make([]byte, hl+n)
	if _, err := io.ReadFull(r, msg); err != nil {
		return nil, err
	}
	return msg, nil
}

func (srv *Server) reply(it *item, b []byte) {
	if len(b) == 0 {
		return
	}
	if it.tcp != nil {
		_ = it.tcp.write(b)
		return
	}
	if it.udp != nil {
		_, _ = it.udp.WriteToUDPAddrPort(b, it.src)
	}
}

func (srv *Server) work() {
	defer srv.workers.Done()
	items := make([]item, 0, srv.s.MaxBatch)
	results := make([]Result, 0, srv.s.MaxBatch)
	traps := make([]*Trap, 0, srv.s.MaxBatch)
	for {
		it, ok := <-srv.queue
		if !ok {
			return
		}
		items = append(items[:0], it)
	drain:
		for len(items) < srv.s.MaxBatch {
			select {
			case it, ok := <-srv.queue:
				if !ok {
					break drain
				}
				items = append(items, it)
			default:
				break drain
			}
		}
		srv.process(items, &results, &traps)
	}
}

func (srv *Server) process(items []item, results *[]Result, traps *[]*Trap) {
	rs := (*results)[:0]
	ts := (*traps)[:0]
	for i := range items {
		it := &items[i]
		srv.queued.Add(-int64(len(it.msg)))
		r := srv.s.Decoder.Decode(it.msg, it.src, it.now)
		srv.reply(it, r.Reply)
		if r.Dropped {
			srv.dropped(r.Reason, it.src.Addr(), r.Detail, it.now)
			continue
		}
		if r.Trap == nil {
			continue // a discovery probe, answered
		}
		r.item = i
		rs = append(rs, r)
		ts = append(ts, r.Trap)
	}
	*results, *traps = rs, ts
	if len(ts) == 0 {
		return
	}
	if err := srv.s.Consumer(srv.ctx, ts); err != nil {
		if h := srv.s.Hooks.Dropped; h != nil {
			h(ReasonPipelineRefused, int64(len(ts)))
		}
		if srv.logs.allow(netip.Addr{}, ReasonPipelineRefused, time.Now()) {
			srv.s.Logger.Warn("Pipeline refused SNMP notifications; informs among them are not acknowledged",
				zap.Int("count", len(ts)), zap.Error(err))
		}
		return
	}
	srv.count(srv.s.Hooks.Accepted, int64(len(ts)))
	now := time.Now()
	for i := range rs {
		if !rs[i].NeedsAck() {
			continue
		}
		if ack, err := srv.s.Decoder.Ack(&rs[i], now); err == nil {
			srv.reply(&items[rs[i].item], ack)
		}
	}
}
