package was

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// TomcatStatus is what the manager's status XML (/manager/status?XML=true)
// holds: JVM memory pools and, per connector, its thread pool and request
// totals.
type TomcatStatus struct {
	Pools      []MemoryPool `xml:"jvm>memorypool"`
	Connectors []Connector  `xml:"connector"`
}

// MemoryPool is one JVM memory pool of the status XML, in bytes.
type MemoryPool struct {
	Name      string `xml:"name,attr"`
	Type      string `xml:"type,attr"` // "Heap memory" or "Non-heap memory"
	Init      int64  `xml:"usageInit,attr"`
	Committed int64  `xml:"usageCommitted,attr"`
	Max       int64  `xml:"usageMax,attr"`
	Used      int64  `xml:"usageUsed,attr"`
}

// Connector is one connector of the status XML. Its name carries literal
// quotes ("\"http-nio-127.0.0.1-8080\""); times are milliseconds.
type Connector struct {
	Name   string `xml:"name,attr"`
	Thread struct {
		Max     int64 `xml:"maxThreads,attr"`
		Current int64 `xml:"currentThreadCount,attr"`
		Busy    int64 `xml:"currentThreadsBusy,attr"`
	} `xml:"threadInfo"`
	Request struct {
		MaxTime        int64 `xml:"maxTime,attr"`
		ProcessingTime int64 `xml:"processingTime,attr"`
		Count          int64 `xml:"requestCount,attr"`
		Errors         int64 `xml:"errorCount,attr"`
		BytesReceived  int64 `xml:"bytesReceived,attr"`
		BytesSent      int64 `xml:"bytesSent,attr"`
	} `xml:"requestInfo"`
}

// ParseTomcatStatus parses the status XML.
func ParseTomcatStatus(data []byte) (*TomcatStatus, error) {
	st, ok := parseTomcatStatusFast(data)
	if !ok {
		st = &TomcatStatus{}
		if err := xml.Unmarshal(data, st); err != nil {
			return nil, fmt.Errorf("status XML: %w", err)
		}
	}
	if len(st.Pools) == 0 && len(st.Connectors) == 0 {
		return nil, fmt.Errorf("status XML: no memory pools and no connectors (is this the manager's status page?)")
	}
	return st, nil
}

// statusMetrics are the metric names the status XML provides; the JMX
// proxy's profiles skip them for a Tomcat target.
var statusMetrics = map[string]bool{
	"jvm.memory.used": true, "jvm.memory.committed": true, "jvm.memory.limit": true,
	"tomcat.thread.count": true, "tomcat.thread.limit": true, "tomcat.thread.busy.count": true,
	"tomcat.request.count": true, "tomcat.error.count": true, "tomcat.request.duration.max": true,
	"tomcat.request.duration.sum": true, "tomcat.network.io": true,
}

// Emit records the status with the same names as the jvm and tomcat
// profiles.
func (st *TomcatStatus) Emit(e *Emitter) {
	for _, p := range st.Pools {
		typ := "non_heap"
		if strings.HasPrefix(p.Type, "Heap") {
			typ = "heap"
		}
		kv := []string{"jvm.memory.pool.name", p.Name, "jvm.memory.type", typ}
		e.Int("jvm.memory.used", "Measure of memory used.", "By", kindUpDown, p.Used, kv...)
		e.Int("jvm.memory.committed", "Measure of memory committed.", "By", kindUpDown, p.Committed, kv...)
		if p.Max >= 0 { // -1: the pool has no limit
			e.Int("jvm.memory.limit", "Measure of max obtainable memory.", "By", kindUpDown, p.Max, kv...)
		}
	}
	for i := range st.Connectors {
		c := &st.Connectors[i]
		name := unquote(c.Name)
		tp := []string{"tomcat.thread.pool.name", name}
		e.Int("tomcat.thread.count", "Total thread count of the thread pool.", "{thread}", kindUpDown, c.Thread.Current, tp...)
		e.Int("tomcat.thread.limit", "Maximum thread count of the thread pool.", "{thread}", kindUpDown, c.Thread.Max, tp...)
		e.Int("tomcat.thread.busy.count", "Number of busy threads in the thread pool.", "{thread}", kindUpDown, c.Thread.Busy, tp...)
		rp := []string{"tomcat.request.processor.name", name}
		e.Int("tomcat.request.count", "The number of requests processed.", "{request}", kindCounter, c.Request.Count, rp...)
		e.Int("tomcat.error.count", "The number of errors.", "{error}", kindCounter, c.Request.Errors, rp...)
		e.Double("tomcat.request.duration.max", "The longest request processing time.", "s", kindGauge, float64(c.Request.MaxTime)/1000, rp...)
		e.Double("tomcat.request.duration.sum", "Total time of processing all requests.", "s", kindCounter, float64(c.Request.ProcessingTime)/1000, rp...)
		e.Int("tomcat.network.io", "The number of bytes transmitted.", "By", kindCounter, c.Request.BytesReceived, append(rp, "network.io.direction", "receive")...)
		e.Int("tomcat.network.io", "The number of bytes transmitted.", "By", kindCounter, c.Request.BytesSent, append(rp, "network.io.direction", "transmit")...)
	}
}
