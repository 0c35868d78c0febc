// The scenarios of Go's net/http/client_test.go for an HTTP/1.1 client on
// the loopback: request formats, HEAD, redirects and their methods,
// timeouts, cancellation and keep-alive reuse, written for p9rt as an
// external test (package http_test), run by `p9rt test` in virtual time
// and by the host's `go test` (tests/node/golib-gotests-http.test.mjs).
//
// Left out: TLS, cookies and jars, basic auth and HTTP/2, which p9rt's
// net/http does not have. Go's growing-timeout retries are one try.
package http_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveFunc serves h on a new loopback test server; serveFuncLater does not start it.
func serveFunc(h func(http.ResponseWriter, *http.Request)) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(h))
}

func serveFuncLater(h func(http.ResponseWriter, *http.Request)) *httptest.Server {
	return httptest.NewUnstartedServer(http.HandlerFunc(h))
}

// getBody GETs url with c and returns the body (each test file of p9rt is
// compiled alone, so the helpers are not shared with http_serve_test.go).
func getBody(t *testing.T, c *http.Client, url string) string {
	t.Helper()
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// recordingTransport keeps the request it is given and fails it.
type recordingTransport struct {
	req *http.Request
}

func (rt *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.req = req
	return nil, errors.New("dummy impl")
}

func TestClient(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "sometime")
		io.WriteString(w, "User-agent: go\nDisallow: /something/")
	})
	defer ts.Close()
	res, err := ts.Client().Get(ts.URL)
	var body []byte
	if err == nil {
		body, err = io.ReadAll(res.Body)
		res.Body.Close()
	}
	if err != nil {
		t.Error(err)
	} else if string(body) != "User-agent: go\nDisallow: /something/" {
		t.Errorf("got %q", body)
	}
}

func TestClientHead(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Modified", "sometime")
		io.WriteString(w, "body for GET only")
	})
	defer ts.Close()
	res, err := ts.Client().Head(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if _, present := res.Header["Last-Modified"]; !present {
		t.Error("no Last-Modified in the HEAD reply")
	}
	if b, _ := io.ReadAll(res.Body); len(b) != 0 {
		t.Errorf("HEAD reply has a body: %q", b)
	}
}

func TestGetRequestFormat(t *testing.T) {
	rt := &recordingTransport{}
	c := &http.Client{Transport: rt}
	const target = "http://dummy.faketld/"
	c.Get(target)
	if rt.req.Method != "GET" || rt.req.URL.String() != target || rt.req.Header == nil {
		t.Errorf("sent %s %s with header %v", rt.req.Method, rt.req.URL, rt.req.Header)
	}
}

func TestPostRequestFormat(t *testing.T) {
	rt := &recordingTransport{}
	c := &http.Client{Transport: rt}
	const target = "http://dummy.faketld/"
	const doc = `{"key":"value"}`
	c.Post(target, "application/json", strings.NewReader(doc))
	r := rt.req
	if r.Method != "POST" || r.URL.String() != target || r.Header == nil || r.Close {
		t.Errorf("sent %s %s header %v close %v", r.Method, r.URL, r.Header, r.Close)
	}
	if r.ContentLength != int64(len(doc)) {
		t.Errorf("ContentLength %d, want %d", r.ContentLength, len(doc))
	}
}

func TestPostFormRequestFormat(t *testing.T) {
	rt := &recordingTransport{}
	c := &http.Client{Transport: rt}
	form := url.Values{}
	form.Set("foo", "bar")
	form.Add("foo", "bar2")
	form.Set("bar", "baz")
	c.PostForm("http://dummy.faketld/", form)
	r := rt.req
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type %q", ct)
	}
	const want = "bar=baz&foo=bar&foo=bar2"
	if r.ContentLength != int64(len(want)) {
		t.Errorf("ContentLength %d, want %d", r.ContentLength, len(want))
	}
	if b, err := io.ReadAll(r.Body); err != nil || string(b) != want {
		t.Errorf("body %q, %v; want %q", b, err, want)
	}
}

// Redirects are followed up to 10 times; CheckRedirect can stop them, and
// its error comes back with the last response.
func TestClientRedirects(t *testing.T) {
	var ts *httptest.Server
	ts = serveFunc(func(w http.ResponseWriter, r *http.Request) {
		hops, _ := strconv.Atoi(r.FormValue("n"))
		if r.URL.Path == "/" && hops < 15 {
			http.Redirect(w, r, fmt.Sprintf("/?n=%d", hops+1), http.StatusTemporaryRedirect)
			return
		}
		fmt.Fprintf(w, "n=%d", hops)
	})
	defer ts.Close()
	c := ts.Client()
	_, err := c.Get(ts.URL)
	var ue *url.Error
	if !errors.As(err, &ue) || ue.Err.Error() != "stopped after 10 redirects" {
		t.Fatalf("Get: %v, want the 10-redirect error", err)
	}
	// The error names the Location that was not followed, as sent.
	if want := `Get "/?n=10": stopped after 10 redirects`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	var seen []string
	stop := errors.New("no redirects allowed")
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		seen = append(seen, req.URL.RequestURI())
		if req.Response == nil || req.Response.StatusCode != 307 {
			t.Errorf("the redirect's Response is %v", req.Response)
		}
		return stop
	}
	res, err := c.Get(ts.URL)
	if !errors.As(err, &ue) || ue.Err != stop {
		t.Fatalf("Get: %v, want CheckRedirect's error", err)
	}
	if res == nil || res.StatusCode != 307 {
		t.Fatalf("the response with CheckRedirect's error is %v", res)
	}
	res.Body.Close()
	if fmt.Sprint(seen) != "[/?n=1]" {
		t.Errorf("CheckRedirect saw %v", seen)
	}
}

// ErrUseLastResponse hands back the redirect itself.
func TestClientRedirectUseResponse(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/other" {
			io.WriteString(w, "wrong")
			return
		}
		w.Header().Set("Location", "/other")
		w.WriteHeader(http.StatusFound)
		io.WriteString(w, "redirect body")
	})
	defer ts.Close()
	c := ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := c.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 302 || string(b) != "redirect body" {
		t.Errorf("got %d %q", res.StatusCode, b)
	}
}

// A 3xx without a Location is the answer.
func TestClientRedirectNoLocation(t *testing.T) {
	for _, code := range []int{301, 308} {
		ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Foo", "Bar")
			w.WriteHeader(code)
		})
		res, err := ts.Client().Get(ts.URL)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != code || res.Header.Get("Foo") != "Bar" {
			t.Errorf("%d: got %d, Foo=%q", code, res.StatusCode, res.Header.Get("Foo"))
		}
		ts.Close()
	}
}

// A 308 is not followed when the body cannot be sent again.
func TestClientRedirect308NoGetBody(t *testing.T) {
	const fixed = "/a"
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != fixed {
			t.Errorf("followed to %s", r.URL.Path)
		}
		w.Header().Set("Location", "/b")
		w.WriteHeader(308)
	})
	defer ts.Close()
	req, _ := http.NewRequest("POST", ts.URL+fixed, strings.NewReader("some body"))
	req.GetBody = nil
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 308 {
		t.Errorf("status %d, want 308", res.StatusCode)
	}
}

// Which method each redirect status leads to.
func TestClientRedirectTypes(t *testing.T) {
	cases := []struct {
		method string
		status int
		want   string
	}{
		{"POST", 301, "GET"}, {"POST", 302, "GET"}, {"POST", 303, "GET"}, {"POST", 307, "POST"}, {"POST", 308, "POST"},
		{"HEAD", 301, "HEAD"}, {"HEAD", 302, "HEAD"}, {"HEAD", 303, "HEAD"}, {"HEAD", 307, "HEAD"}, {"HEAD", 308, "HEAD"},
		{"GET", 301, "GET"}, {"GET", 303, "GET"}, {"GET", 308, "GET"},
		{"DELETE", 301, "GET"}, {"DELETE", 302, "GET"}, {"DELETE", 307, "DELETE"},
		{"PUT", 303, "GET"}, {"PUT", 308, "PUT"},
		{"MADEUPMETHOD", 302, "GET"}, {"MADEUPMETHOD", 307, "MADEUPMETHOD"},
	}
	for _, tc := range cases {
		var mu sync.Mutex
		var second string
		ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/" {
				w.Header().Set("Location", "/after")
				w.WriteHeader(tc.status)
				return
			}
			mu.Lock()
			second = r.Method
			mu.Unlock()
		})
		req, _ := http.NewRequest(tc.method, ts.URL, nil)
		res, err := ts.Client().Do(req)
		if err != nil {
			t.Fatalf("%s %d: %v", tc.method, tc.status, err)
		}
		res.Body.Close()
		mu.Lock()
		if second != tc.want {
			t.Errorf("%s after %d became %q, want %q", tc.method, tc.status, second, tc.want)
		}
		mu.Unlock()
		ts.Close()
	}
}

// The redirected request keeps the caller's header, with a Referer.
func TestClientCopyHeadersOnRedirect(t *testing.T) {
	got := make(chan http.Header, 1)
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/next", http.StatusFound)
			return
		}
		got <- r.Header
	})
	defer ts.Close()
	req, _ := http.NewRequest("GET", ts.URL, nil)
	req.Header.Set("X-Foo", "foo")
	req.Header.Add("Accept", "text/plain")
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	h := <-got
	if h.Get("X-Foo") != "foo" || h.Get("Accept") != "text/plain" || h.Get("Referer") != ts.URL {
		t.Errorf("the redirected request's header: %v", h)
	}
}

func TestClientErrorWithRequestURI(t *testing.T) {
	req, _ := http.NewRequest("GET", "http://localhost:1234/", nil)
	req.RequestURI = "/this/field/is/illegal/and/should/error/"
	_, err := http.DefaultClient.Do(req)
	if err == nil || !strings.Contains(err.Error(), "RequestURI") {
		t.Errorf("Do: %v, want an error about RequestURI", err)
	}
}

// A HEAD reply's Content-Length is reported though there is no body.
func TestClientHeadContentLength(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := r.FormValue("cl"); v != "" {
			w.Header().Set("Content-Length", v)
		}
	})
	defer ts.Close()
	for _, tc := range []struct {
		suffix string
		want   int64
	}{{"/?cl=1234", 1234}, {"/?cl=0", 0}, {"", -1}} {
		res, err := ts.Client().Head(ts.URL + tc.suffix)
		if err != nil {
			t.Fatal(err)
		}
		if res.ContentLength != tc.want {
			t.Errorf("%q: ContentLength %d, want %d", tc.suffix, res.ContentLength, tc.want)
		}
		if b, err := io.ReadAll(res.Body); err != nil || len(b) != 0 {
			t.Errorf("%q: body %q, %v", tc.suffix, b, err)
		}
		res.Body.Close()
	}
}

// Client.Timeout ends a body that stops coming, with a timeout error that
// says so.
func TestClientTimeout(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/slow", http.StatusFound)
			return
		}
		w.Write([]byte("Hello"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	defer ts.Close()
	c := ts.Client()
	c.Timeout = 200 * time.Millisecond
	res, err := c.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(res.Body)
	res.Body.Close()
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("reading the body: %v, want a timeout", err)
	}
	if !strings.Contains(err.Error(), "(Client.Timeout") {
		t.Errorf("the error does not name Client.Timeout: %v", err)
	}
}

// Client.Timeout while waiting for the header.
func TestClientTimeout_Headers(t *testing.T) {
	release := make(chan bool)
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
	})
	defer ts.Close()
	defer close(release)
	c := ts.Client()
	c.Timeout = 50 * time.Millisecond
	_, err := c.Get(ts.URL)
	var ue *url.Error
	if !errors.As(err, &ue) || !ue.Timeout() {
		t.Fatalf("Get: %v, want a *url.Error that is a timeout", err)
	}
	if !strings.Contains(err.Error(), "Client.Timeout exceeded while awaiting headers") {
		t.Errorf("error text: %v", err)
	}
}

// A timeout that is not reached changes nothing.
func TestClientTimeoutDoesNotExpire(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("body"))
	})
	defer ts.Close()
	c := ts.Client()
	c.Timeout = time.Hour
	if got := getBody(t, c, ts.URL); got != "body" {
		t.Errorf("got %q", got)
	}
}

// An ended context is context.Canceled or context.DeadlineExceeded inside
// the url.Error, a timeout only for the deadline.
func TestClientDoCanceledVsTimeout(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("Hello, World!"))
	})
	defer ts.Close()
	for _, name := range []string{"timeout", "canceled"} {
		t.Run(name, func(t *testing.T) {
			var ctx context.Context
			var cancel func()
			want := context.Canceled
			if name == "timeout" {
				ctx, cancel = context.WithTimeout(context.Background(), -time.Nanosecond)
				want = context.DeadlineExceeded
			} else {
				ctx, cancel = context.WithCancel(context.Background())
				cancel()
			}
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL, nil)
			_, err := ts.Client().Do(req)
			ue, ok := err.(*url.Error)
			if !ok {
				t.Fatalf("Do: %v (%T), want a *url.Error", err, err)
			}
			if ue.Err != want || ue.Timeout() != (name == "timeout") {
				t.Errorf("Err %v, Timeout %v", ue.Err, ue.Timeout())
			}
		})
	}
}

// Cancelling a request's context while the server holds it ends Do.
func TestClientRequestContextCancel(t *testing.T) {
	inHandler := make(chan bool, 1)
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		inHandler <- true
		<-r.Context().Done()
	})
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-inHandler
		cancel()
	}()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL, nil)
	_, err := ts.Client().Do(req)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Do: %v, want context.Canceled", err)
	}
}

// The body of a redirect is read so its connection serves the next hop.
func TestClientRedirectEatsBody(t *testing.T) {
	addrs := make(chan string, 2)
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		addrs <- r.RemoteAddr
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/foo", http.StatusFound)
		}
	})
	defer ts.Close()
	res, err := ts.Client().Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if a, b := <-addrs, <-addrs; a != b {
		t.Errorf("the redirect used a second connection (%s, %s)", a, b)
	}
}

type nilBodyTransport struct{}

func (nilBodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Status: "200 OK", Request: req}, nil
}

func TestClientPopulatesNilResponseBody(t *testing.T) {
	c := &http.Client{Transport: nilBodyTransport{}}
	res, err := c.Get("http://localhost/anything")
	if err != nil {
		t.Fatal(err)
	}
	if res.Body == nil {
		t.Fatal("Body is nil")
	}
	if b, err := io.ReadAll(res.Body); err != nil || len(b) != 0 {
		t.Errorf("body %q, %v", b, err)
	}
}

// Keep-alive: sequential requests share a connection; CloseIdleConnections
// ends it.
func TestClientCloseIdleConnections(t *testing.T) {
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.RemoteAddr)
	})
	defer ts.Close()
	c := ts.Client()
	a, b := getBody(t, c, ts.URL), getBody(t, c, ts.URL)
	if a != b {
		t.Fatalf("two requests on two connections: %s, %s", a, b)
	}
	c.CloseIdleConnections()
	if d := getBody(t, c, ts.URL); d == a {
		t.Error("CloseIdleConnections did not close the idle connection")
	}
}

// A request with an empty body of unknown length sends no body for GET.
func TestProbeZeroLengthBody(t *testing.T) {
	got := make(chan string, 1)
	ts := serveFunc(func(w http.ResponseWriter, r *http.Request) {
		got <- fmt.Sprintf("%d %v", r.ContentLength, r.TransferEncoding)
	})
	defer ts.Close()
	req, _ := http.NewRequest("GET", ts.URL, io.MultiReader())
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if g := <-got; g != "0 []" {
		t.Errorf("the server saw length and encoding %s, want 0 []", g)
	}
}
