package durableotlpexporter

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"go.opentelemetry.io/collector/consumer/consumererror"
	"go.uber.org/zap"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func consumerPermanent(err error) error { return consumererror.NewPermanent(err) }

// run is one sender: it takes the next request from the queue and delivers
// it, until ctx ends.
func (e *durableExporter) run(ctx context.Context, q *queue) {
	for {
		it, err := q.next(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			e.set.Logger.Warn("Durable OTLP exporter could not read its queue; trying again in 1 s", zap.Error(err))
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
			continue
		}
		if e.deliver(ctx, it) {
			if err := q.done(context.Background(), it); err != nil {
				e.set.Logger.Warn("Durable OTLP exporter could not delete a delivered request; it is sent again after a restart", zap.Error(err))
			}
		}
	}
}

// deliver sends one request until the backend takes it, it fails for good
// or ctx ends. It reports whether the request is finished (delivered or
// dropped); false leaves it in the queue for the next start.
func (e *durableExporter) deliver(ctx context.Context, it item) bool {
	rc := e.cfg.RetryOnFailure
	start := time.Now()
	interval := rc.InitialInterval
	for {
		resp, err := e.send(ctx, it.req)
		if ctx.Err() != nil {
			return false
		}
		if err == nil {
			e.accepted(ctx, it, resp)
			return true
		}
		retryable, throttle := classify(err)
		if !retryable || !rc.Enabled {
			e.drop(ctx, it, err, map[bool]string{true: "retry_on_failure is disabled", false: "permanent error"}[retryable])
			return true
		}
		wait := jitter(interval, rc.RandomizationFactor)
		if throttle > wait {
			wait = throttle
		}
		if rc.MaxElapsedTime > 0 && time.Since(start)+wait > rc.MaxElapsedTime {
			e.drop(ctx, it, err, "retry_on_failure.max_elapsed_time reached")
			return true
		}
		e.tel.DurableOtlpRetriedRequests.Add(ctx, 1)
		if e.logRetry.allow() {
			e.set.Logger.Warn("Durable OTLP exporter: sending failed, will retry (logged at most every 10 s)",
				zap.String("endpoint", e.cfg.ClientConfig.Endpoint), zap.Duration("interval", wait), zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
		interval = max(rc.InitialInterval, min(time.Duration(float64(interval)*rc.Multiplier), rc.MaxInterval))
	}
}

func (e *durableExporter) send(ctx context.Context, req []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	var resp []byte
	err := e.conn.Invoke(ctx, e.ops.method, req, &resp,
		grpc.ForceCodecV2(rawCodec{}), grpc.WaitForReady(e.cfg.ClientConfig.WaitForReady))
	return resp, err
}

// accepted counts a request the backend answered OK, and what its partial
// success says it rejected (not retried: the backend will not take them).
func (e *durableExporter) accepted(ctx context.Context, it item, resp []byte) {
	e.tel.DurableOtlpSentRequests.Add(ctx, 1)
	rejected, msg, err := e.ops.rejected(resp)
	if err != nil {
		e.set.Logger.Warn("Durable OTLP exporter could not decode the backend's response; counting the request as accepted", zap.Error(err))
	}
	if rejected > 0 {
		e.tel.DurableOtlpRejectedItems.Add(ctx, rejected)
		if e.logReject.allow() {
			e.set.Logger.Warn("Durable OTLP exporter: the backend rejected part of a request (logged at most every 10 s)",
				zap.Int64("rejected", rejected), zap.String("message", msg))
		}
	}
	e.tel.DurableOtlpSentItems.Add(ctx, max(0, int64(it.n)-rejected))
}

func (e *durableExporter) drop(ctx context.Context, it item, err error, why string) {
	e.tel.DurableOtlpDroppedItems.Add(ctx, int64(it.n))
	if e.logDrop.allow() {
		e.set.Logger.Error("Durable OTLP exporter dropped a request (logged at most every 10 s; durable_otlp_dropped_items counts them all)",
			zap.String("reason", why), zap.Int("items", it.n), zap.Error(err))
	}
}

// classify tells a retryable gRPC error from a permanent one, as the
// otlp_grpc exporter does, and returns the delay a RetryInfo asks for.
func classify(err error) (retryable bool, throttle time.Duration) {
	st, ok := status.FromError(err)
	if !ok {
		// Not a gRPC status: a local failure such as a dial error.
		return !errors.Is(err, context.Canceled), 0
	}
	var info *errdetails.RetryInfo
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok {
			info = ri
			break
		}
	}
	switch st.Code() {
	case codes.Canceled, codes.DeadlineExceeded, codes.Aborted, codes.OutOfRange, codes.Unavailable, codes.DataLoss:
		retryable = true
	case codes.ResourceExhausted:
		// Retry only when the server says when: it expects to recover.
		retryable = info != nil
	}
	if retryable && info != nil {
		throttle = info.GetRetryDelay().AsDuration()
	}
	return retryable, throttle
}

// jitter spreads d by ±factor.
func jitter(d time.Duration, factor float64) time.Duration {
	if factor <= 0 || d <= 0 {
		return d
	}
	delta := factor * float64(d)
	return time.Duration(float64(d) - delta + rand.Float64()*2*delta)
}
