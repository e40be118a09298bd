// Package runner runs the threshold engine inside the collector: it turns
// pdata metrics into engine points, evaluates on a timer, emits the events
// as logs and the active alerts as a state gauge, and keeps the alert state
// in a storage extension. The threshold connector and processor share it.
package runner
