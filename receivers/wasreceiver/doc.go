//go:generate go tool -modfile=../../internal/tools/go.mod mdatagen metadata.yaml

// Package wasreceiver reads Tomcat (manager status XML and JMX proxy),
// Jolokia agents, Apache httpd mod_status and nginx stub_status over HTTP,
// without a Java subprocess. It adapts internal/was (the engine) and
// internal/targetpoll (scheduling) to the collector.
package wasreceiver
