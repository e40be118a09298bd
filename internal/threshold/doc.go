// Package threshold evaluates alerting rules on metric data points and keeps
// one alert state machine per series: inactive, pending, firing (warning or
// critical) and resolved. It knows nothing of the collector: adapters feed it
// plain points and turn its events and active alerts into logs and metrics.
package threshold
