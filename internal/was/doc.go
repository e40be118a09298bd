// Package was reads application servers and web servers over HTTP, without
// a Java subprocess: Tomcat's manager status XML and JMX proxy servlet,
// Jolokia agents (bulk JSON reads of MBeans), Apache httpd mod_status and
// nginx stub_status. It turns what they return into OpenTelemetry metrics,
// mapping MBeans to metrics with rules held as data (profiles).
package was
