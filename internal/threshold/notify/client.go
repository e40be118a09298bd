package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// ErrPermanent marks a post that retrying cannot fix (Alertmanager answered 4xx).
var ErrPermanent = errors.New("permanent")

// maxPerPost bounds the alerts in one request body.
const maxPerPost = 1000

// Client posts alerts to one Alertmanager.
type Client struct {
	// URL is the Alertmanager's base URL, e.g. http://127.0.0.1:9093.
	URL  string
	HTTP *http.Client
}

// Send posts the alerts to POST /api/v2/alerts, in chunks.
func (c *Client) Send(ctx context.Context, alerts []Alert) error {
	for len(alerts) > 0 {
		n := min(len(alerts), maxPerPost)
		if err := c.post(ctx, alerts[:n]); err != nil {
			return err
		}
		alerts = alerts[n:]
	}
	return nil
}

// name is the URL without credentials, for errors.
func (c *Client) name() string {
	if u, err := url.Parse(c.URL); err == nil {
		return u.Redacted()
	}
	return "(unparsable url)"
}

func (c *Client) post(ctx context.Context, alerts []Alert) error {
	body, err := json.Marshal(alerts)
	if err != nil {
		return err
	}
	target := strings.TrimSuffix(c.URL, "/") + "/api/v2/alerts"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("alertmanager %s: %w", c.name(), err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("alertmanager %s: %w", c.name(), err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	switch {
	case resp.StatusCode/100 == 2:
		return nil
	case resp.StatusCode/100 == 4 && resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusRequestTimeout:
		return fmt.Errorf("alertmanager %s: %s: %s: %w", c.name(), resp.Status, bytes.TrimSpace(msg), ErrPermanent)
	}
	return fmt.Errorf("alertmanager %s: %s: %s", c.name(), resp.Status, bytes.TrimSpace(msg))
}
