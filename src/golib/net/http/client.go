package http

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"
	"time"
)

// A Client sends requests through its Transport and follows redirects.
type Client struct {
	// Transport carries out each exchange; DefaultTransport when nil.
	Transport RoundTripper

	// CheckRedirect decides whether to follow a redirect to req, via being
	// the requests so far, oldest first; an error stops (ErrUseLastResponse
	// returns the redirect response itself). Nil: at most 10 redirects.
	CheckRedirect func(req *Request, via []*Request) error

	// Timeout bounds a whole exchange, redirects and reading the body
	// included (0: none).
	Timeout time.Duration
}

// DefaultClient is the Client of Get, Head, Post and PostForm.
var DefaultClient = &Client{}

func (c *Client) transport() RoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return DefaultTransport
}

// Get sends a GET to target with DefaultClient.
func Get(target string) (*Response, error) { return DefaultClient.Get(target) }

// Head sends a HEAD to target with DefaultClient.
func Head(target string) (*Response, error) { return DefaultClient.Head(target) }

// Post sends a POST of body, of type contentType, with DefaultClient.
func Post(target, contentType string, body io.Reader) (*Response, error) {
	return DefaultClient.Post(target, contentType, body)
}

// PostForm posts data, URL-encoded, with DefaultClient.
func PostForm(target string, data url.Values) (*Response, error) {
	return DefaultClient.PostForm(target, data)
}

func (c *Client) Get(target string) (*Response, error) {
	req, err := NewRequest("GET", target, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *Client) Head(target string) (*Response, error) {
	req, err := NewRequest("HEAD", target, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *Client) Post(target, contentType string, body io.Reader) (*Response, error) {
	req, err := NewRequest("POST", target, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

func (c *Client) PostForm(target string, data url.Values) (*Response, error) {
	return c.Post(target, "application/x-www-form-urlencoded", strings.NewReader(data.Encode()))
}

// CloseIdleConnections closes the Transport's kept connections.
func (c *Client) CloseIdleConnections() {
	if t, has := c.transport().(interface{ CloseIdleConnections() }); has {
		t.CloseIdleConnections()
	}
}

// urlErrorOp is the Op of a url.Error for method: "Get", "Post".
func urlErrorOp(method string) string {
	if method == "" {
		return "Get"
	}
	if lower := strings.ToLower(method); lower != method {
		return method[:1] + lower[1:]
	}
	return method
}

// withoutPassword is u as text with its password, if any, hidden.
func withoutPassword(u *url.URL) string {
	if _, has := u.User.Password(); has {
		return strings.Replace(u.String(), u.User.String()+"@", u.User.Username()+":***@", 1)
	}
	return u.String()
}

// Do sends req and follows redirects as the CheckRedirect policy allows;
// errors are *url.Error. The caller must close the response's Body.
func (c *Client) Do(req *Request) (*Response, error) {
	if req.URL == nil {
		closeRequestBody(req)
		return nil, &url.Error{Op: urlErrorOp(req.Method), Err: errors.New("http: nil Request.URL")}
	}
	var deadline time.Time
	if c.Timeout > 0 {
		deadline = time.Now().Add(c.Timeout)
	}
	var via []*Request
	var resp *Response
	first := req
	bodyClosed := false
	wrap := func(err error) error {
		if !bodyClosed {
			closeRequestBody(req)
		}
		where := req.URL
		if resp != nil && resp.Request != nil {
			where = resp.Request.URL
		}
		return &url.Error{Op: urlErrorOp(first.Method), URL: withoutPassword(where), Err: err}
	}
	method := ""
	withBody := false
	for {
		if len(via) > 0 {
			loc := resp.Header.Get("Location")
			if loc == "" {
				// A 3xx without a Location is handed back as it is, as in Go 1.19.
				return resp, nil
			}
			next, err := req.URL.Parse(loc)
			if err != nil {
				resp.Body.Close()
				return nil, wrap(fmt.Errorf("failed to parse Location header %q: %v", loc, err))
			}
			host := ""
			if req.Host != "" && req.Host != req.URL.Host {
				// Keep a Host override when the redirect stays relative.
				if u, _ := url.Parse(loc); u != nil && !u.IsAbs() {
					host = req.Host
				}
			}
			req = &Request{Method: method, Response: resp, URL: next, Header: make(Header), Host: host, ctx: first.ctx}
			if withBody && first.GetBody != nil {
				req.Body, err = first.GetBody()
				if err != nil {
					resp.Body.Close()
					return nil, wrap(err)
				}
				req.ContentLength = first.ContentLength
			}
			copyRedirectHeaders(req, first, via[len(via)-1])
			check := c.CheckRedirect
			if check == nil {
				check = defaultCheckRedirect
			}
			err = check(req, via)
			if err == ErrUseLastResponse {
				return resp, nil
			}
			// Read a little of the redirect's body so its connection can be reused.
			if resp.ContentLength == -1 || resp.ContentLength <= 2<<10 {
				io.CopyN(io.Discard, resp.Body, 2<<10)
			}
			resp.Body.Close()
			if err != nil {
				ue := wrap(err).(*url.Error)
				ue.URL = loc
				return resp, ue
			}
		}
		via = append(via, req)
		var err error
		var timedOut func() bool
		resp, timedOut, err = c.send(req, deadline)
		if err != nil {
			bodyClosed = true
			if !deadline.IsZero() && timedOut() {
				err = &httpError{err: err.Error() + " (Client.Timeout exceeded while awaiting headers)", timeout: true}
			}
			return nil, wrap(err)
		}
		var follow bool
		method, follow, withBody = redirectRule(req.Method, resp, first)
		if !follow {
			return resp, nil
		}
		closeRequestBody(req)
	}
}

func defaultCheckRedirect(req *Request, via []*Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	return nil
}

// redirectRule: which method the next request uses, whether to follow,
// and whether the body goes along (307 and 308 keep both).
func redirectRule(method string, resp *Response, first *Request) (string, bool, bool) {
	switch resp.StatusCode {
	case 301, 302, 303:
		if method != "GET" && method != "HEAD" {
			method = "GET"
		}
		return method, true, false
	case 307, 308:
		if resp.Header.Get("Location") == "" {
			return method, false, true
		}
		if first.GetBody == nil && first.Body != nil && first.Body != NoBody {
			return method, false, true // the body cannot be sent again
		}
		return method, true, true
	}
	return method, false, false
}

// copyRedirectHeaders gives a redirected request the first request's
// header, without the credentials when the host changes, and a Referer.
func copyRedirectHeaders(req, first, prev *Request) {
	sameHost := req.URL.Hostname() == first.URL.Hostname()
	for k, vs := range first.Header {
		switch CanonicalHeaderKey(k) {
		case "Authorization", "Www-Authenticate", "Cookie", "Cookie2":
			if !sameHost {
				continue
			}
		}
		req.Header[k] = append([]string(nil), vs...)
	}
	if prev.URL.Scheme == "https" && req.URL.Scheme == "http" {
		return
	}
	ref := prev.URL.String()
	if prev.URL.User != nil {
		ref = strings.Replace(ref, prev.URL.User.String()+"@", "", 1)
	}
	if req.Header.Get("Referer") == "" {
		req.Header.Set("Referer", ref)
	}
}

// send runs one exchange under the client's deadline: the request's
// context gets the deadline, and a body read past it fails as Go's does.
func (c *Client) send(req *Request, deadline time.Time) (*Response, func() bool, error) {
	never := func() bool { return false }
	if req.RequestURI != "" {
		closeRequestBody(req)
		return nil, never, errors.New("http: Request.RequestURI can't be set in client requests")
	}
	if req.Header == nil {
		req.Header = make(Header)
	}
	if deadline.IsZero() {
		resp, err := send(req, c.transport())
		return resp, never, err
	}
	ctx, cancel := context.WithDeadline(req.Context(), deadline)
	var mu sync.Mutex
	fired := false
	stop := time.AfterFunc(time.Until(deadline), func() {
		mu.Lock()
		fired = true
		mu.Unlock()
	})
	timedOut := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return fired || !time.Now().Before(deadline)
	}
	resp, err := send(req.WithContext(ctx), c.transport())
	if err != nil {
		stop.Stop()
		cancel()
		return nil, timedOut, err
	}
	resp.Body = &timeoutBody{body: resp.Body, stop: func() { stop.Stop(); cancel() }, timedOut: timedOut}
	return resp, never, nil
}

// send runs one exchange and checks the transport kept its contract.
func send(req *Request, rt RoundTripper) (*Response, error) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	if resp == nil {
		return nil, fmt.Errorf("http: RoundTripper implementation (%T) returned a nil *Response with a nil error", rt)
	}
	if resp.Body == nil {
		resp.Body = NoBody
	}
	if resp.Request == nil {
		resp.Request = req
	}
	return resp, nil
}

// timeoutBody is a response body under Client.Timeout.
type timeoutBody struct {
	body     io.ReadCloser
	stop     func()
	timedOut func() bool
}

func (b *timeoutBody) Read(p []byte) (int, error) {
	n, err := b.body.Read(p)
	if err == nil {
		return n, nil
	}
	if err == io.EOF {
		b.stop()
		return n, err
	}
	if b.timedOut() {
		return n, &httpError{err: err.Error() + " (Client.Timeout or context cancellation while reading body)", timeout: true}
	}
	return n, err
}

func (b *timeoutBody) Close() error {
	err := b.body.Close()
	b.stop()
	return err
}
