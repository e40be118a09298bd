// Package notify keeps the alerts to deliver to Alertmanager and posts them
// to its v2 API: firing alerts are re-sent on an interval with an end time a
// few intervals ahead, resolved alerts are re-sent with their resolve time
// for a while, as Prometheus's notifier does.
package notify
