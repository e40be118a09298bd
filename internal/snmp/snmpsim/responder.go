package snmpsim

import (
	"errors"
	"net"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Responder answers SNMPv1/v2c GET, GETNEXT and GETBULK on one UDP socket
// on 127.0.0.1 for many simulated devices: the community selects the
// device. Each worker goroutine is locked to its OS thread so that the
// responder's own CPU time can be measured apart from the poller's.
type Responder struct {
	conn     *net.UDPConn
	devices  map[string]*MIB
	wg       sync.WaitGroup
	requests atomic.Int64
	varbinds atomic.Int64
	cpu      atomic.Int64 // nanoseconds of worker thread CPU
	maxSize  atomic.Int64
}

// SetMaxMessageSize makes the responder answer tooBig, as small agents do,
// when a response would exceed n bytes (0: no limit).
func (r *Responder) SetMaxMessageSize(n int) { r.maxSize.Store(int64(n)) }

// StartResponder listens on a free loopback port with the given workers.
func StartResponder(devices map[string]*MIB, workers int) (*Responder, error) {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		return nil, err
	}
	_ = conn.SetReadBuffer(8 << 20)
	_ = conn.SetWriteBuffer(8 << 20)
	r := &Responder{conn: conn, devices: devices}
	for range max(workers, 1) {
		r.wg.Add(1)
		go r.serve()
	}
	return r, nil
}

// Endpoint returns udp://127.0.0.1:port.
func (r *Responder) Endpoint() string { return "udp://" + r.conn.LocalAddr().String() }

// Requests returns the number of requests answered.
func (r *Responder) Requests() int64 { return r.requests.Load() }

// Varbinds returns the number of variable bindings sent.
func (r *Responder) Varbinds() int64 { return r.varbinds.Load() }

// CPU returns the CPU time the responder's workers have used so far
// (complete after Close).
func (r *Responder) CPU() time.Duration { return time.Duration(r.cpu.Load()) }

// Close stops the responder and waits for its workers.
func (r *Responder) Close() error {
	err := r.conn.Close()
	r.wg.Wait()
	return err
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (r *Responder) serve() {
	defer r.wg.Done()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadCPU()
	defer func() { r.cpu.Add(int64(threadCPU() - start)) }()
	buf := make([]byte, 65536)
	dec := &gosnmp.GoSNMP{Version: gosnmp.Version2c, MaxOids: 1 << 16, Logger: gosnmp.NewLogger(nil)}
	for {
		n, addr, err := r.conn.ReadFromUDP(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		out, ok := r.answer(dec, buf[:n])
		if !ok {
			continue
		}
		r.requests.Add(1)
		_, _ = r.conn.WriteToUDP(out, addr)
	}
}

func (r *Responder) answer(dec *gosnmp.GoSNMP, req []byte) ([]byte, bool) {
	pkt, err := dec.SnmpDecodePacket(req)
	if err != nil {
		return nil, false
	}
	mib, ok := r.devices[pkt.Community]
	if !ok {
		return nil, false // wrong community: real agents stay silent too
	}
	var vars []gosnmp.SnmpPDU
	switch pkt.PDUType {
	case gosnmp.GetRequest:
		for _, v := range pkt.Variables {
			if p, ok := mib.Get(v.Name); ok {
				vars = append(vars, p)
			} else {
				vars = append(vars, gosnmp.SnmpPDU{Name: v.Name, Type: gosnmp.NoSuchObject})
			}
		}
	case gosnmp.GetNextRequest:
		for _, v := range pkt.Variables {
			vars = append(vars, next(mib, v.Name))
		}
	case gosnmp.GetBulkRequest:
		cursor := make([]string, len(pkt.Variables))
		for i, v := range pkt.Variables {
			cursor[i] = v.Name
		}
		reps := max(int(pkt.MaxRepetitions), 1)
		for range reps {
			for i := range cursor {
				p := next(mib, cursor[i])
				vars = append(vars, p)
				cursor[i] = p.Name
			}
		}
	default:
		return nil, false
	}
	resp := &gosnmp.SnmpPacket{
		Version:   pkt.Version,
		Community: pkt.Community,
		PDUType:   gosnmp.GetResponse,
		RequestID: pkt.RequestID,
		Variables: vars,
	}
	out, err := resp.MarshalMsg()
	if max := r.maxSize.Load(); err == nil && max > 0 && int64(len(out)) > max {
		resp.Variables, resp.Error, resp.ErrorIndex = nil, gosnmp.TooBig, 0
		out, err = resp.MarshalMsg()
		return out, err == nil
	}
	r.varbinds.Add(int64(len(vars)))
	return out, err == nil
}

func next(mib *MIB, oid string) gosnmp.SnmpPDU {
	if p, ok := mib.Next(oid); ok {
		return p
	}
	return gosnmp.SnmpPDU{Name: oid, Type: gosnmp.EndOfMibView}
}
