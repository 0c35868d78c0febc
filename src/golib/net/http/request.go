package http

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
)

// The request methods.
const (
	MethodGet     = "GET"
	MethodHead    = "HEAD"
	MethodPost    = "POST"
	MethodPut     = "PUT"
	MethodPatch   = "PATCH"
	MethodDelete  = "DELETE"
	MethodConnect = "CONNECT"
	MethodOptions = "OPTIONS"
	MethodTrace   = "TRACE"
)

// A Request is an HTTP request: one a server received, or one a client is
// about to send.
type Request struct {
	Method string
	URL    *url.URL

	Proto      string // "HTTP/1.0"
	ProtoMajor int    // 1
	ProtoMinor int    // 0

	Header Header

	// Body is the request's body; a server's is never nil (NoBody when
	// there is none) and is closed by the server.
	Body io.ReadCloser

	// GetBody returns a fresh copy of Body, for a client that must send the
	// request again (a 307 or 308 redirect, a retry).
	GetBody func() (io.ReadCloser, error)

	// ContentLength is the body's length, -1 when unknown.
	ContentLength int64

	TransferEncoding []string

	// Close asks for the connection to be closed after this exchange.
	Close bool

	Host string

	Form     url.Values // the query and, for POST, PUT and PATCH, the form body (after ParseForm)
	PostForm url.Values // the form body only (after ParseForm)

	Trailer Header

	RemoteAddr string // "IP:port" of the client, set by the server
	RequestURI string // the target of the request line, as received by a server

	// Response is the redirect response that caused this request, on a client.
	Response *Response

	ctx context.Context
}

// Context is the request's context: a server's is cancelled when the
// client's connection closes, the request is cancelled (HTTP/2) or
// ServeHTTP returns.
func (r *Request) Context() context.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return context.Background()
}

// WithContext is a shallow copy of r with ctx as its context.
func (r *Request) WithContext(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	return r2
}

// Clone is a deep copy of r (its body aside) with ctx as its context.
func (r *Request) Clone(ctx context.Context) *Request {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(Request)
	*r2 = *r
	r2.ctx = ctx
	if r.URL != nil {
		u := *r.URL
		if r.URL.User != nil {
			user := *r.URL.User
			u.User = &user
		}
		r2.URL = &u
	}
	r2.Header = r.Header.Clone()
	r2.Trailer = r.Trailer.Clone()
	if r.TransferEncoding != nil {
		r2.TransferEncoding = append([]string(nil), r.TransferEncoding...)
	}
	r2.Form = copyValues(r.Form)
	r2.PostForm = copyValues(r.PostForm)
	return r2
}

func copyValues(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// ProtoAtLeast reports whether the request's protocol is at least
// HTTP/major.minor.
func (r *Request) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

// UserAgent is the User-Agent header.
func (r *Request) UserAgent() string { return r.Header.Get("User-Agent") }

// Referer is the Referer header.
func (r *Request) Referer() string { return r.Header.Get("Referer") }

// NewRequest is NewRequestWithContext with context.Background.
func NewRequest(method, url string, body io.Reader) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, body)
}

// NewRequestWithContext makes a client request. A body that is a
// *bytes.Buffer, *bytes.Reader or *strings.Reader gives ContentLength and
// GetBody; other bodies have an unknown length.
func NewRequestWithContext(ctx context.Context, method, target string, body io.Reader) (*Request, error) {
	if method == "" {
		method = "GET"
	}
	if !validMethod(method) {
		return nil, fmt.Errorf("net/http: invalid method %q", method)
	}
	if ctx == nil {
		return nil, errors.New("net/http: nil Context")
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	rc, isCloser := body.(io.ReadCloser)
	if !isCloser && body != nil {
		rc = io.NopCloser(body)
	}
	u.Host = strings.TrimSuffix(u.Host, ":")
	req := &Request{
		ctx:        ctx,
		Method:     method,
		URL:        u,
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     make(Header),
		Body:       rc,
		Host:       u.Host,
	}
	if body == nil {
		return req, nil
	}
	switch v := body.(type) {
	case *bytes.Buffer:
		req.ContentLength = int64(v.Len())
		snapshot := v.Bytes()
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(snapshot)), nil }
	case *bytes.Reader:
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			again := snapshot
			return io.NopCloser(&again), nil
		}
	case *strings.Reader:
		req.ContentLength = int64(v.Len())
		snapshot := *v
		req.GetBody = func() (io.ReadCloser, error) {
			again := snapshot
			return io.NopCloser(&again), nil
		}
	}
	if req.GetBody != nil && req.ContentLength == 0 {
		req.Body = NoBody
		req.GetBody = func() (io.ReadCloser, error) { return NoBody, nil }
	}
	return req, nil
}

// validMethod: a method is a non-empty token.
func validMethod(m string) bool { return validHeaderName(m) }

// ParseHTTPVersion parses "HTTP/1.0" into 1, 0: "HTTP/", a digit, '.', a digit.
func ParseHTTPVersion(vers string) (major, minor int, ok bool) {
	if len(vers) != len("HTTP/X.Y") || !strings.HasPrefix(vers, "HTTP/") || vers[6] != '.' {
		return 0, 0, false
	}
	hi, lo := vers[5], vers[7]
	if hi < '0' || hi > '9' || lo < '0' || lo > '9' {
		return 0, 0, false
	}
	return int(hi - '0'), int(lo - '0'), true
}

// badStringError is an error about a quoted piece of the input.
func badStringError(what, val string) error { return fmt.Errorf("%s %q", what, val) }

// readRequest reads a request from b as a server does: the request line,
// the header, and the framing of the body, which is left unread.
func readRequest(b *bufio.Reader) (req *Request, err error) {
	tp := textproto.NewReader(b)
	line, err := tp.ReadLine()
	if err != nil {
		return nil, err
	}
	defer func() {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
	}()
	req = new(Request)
	method, rest, ok1 := strings.Cut(line, " ")
	target, proto, ok2 := strings.Cut(rest, " ")
	if !ok1 || !ok2 {
		return nil, badStringError("malformed HTTP request", line)
	}
	req.Method, req.RequestURI, req.Proto = method, target, proto
	if !validMethod(req.Method) {
		return nil, badStringError("invalid method", req.Method)
	}
	var ok bool
	if req.ProtoMajor, req.ProtoMinor, ok = ParseHTTPVersion(req.Proto); !ok {
		return nil, badStringError("malformed HTTP version", req.Proto)
	}
	// CONNECT's target is host:port alone.
	authorityOnly := req.Method == "CONNECT" && !strings.HasPrefix(target, "/")
	if authorityOnly {
		target = "http://" + target
	}
	if req.URL, err = url.ParseRequestURI(target); err != nil {
		return nil, err
	}
	if authorityOnly {
		req.URL.Scheme = ""
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		return nil, err
	}
	req.Header = Header(mh)
	if len(req.Header["Host"]) > 1 {
		return nil, fmt.Errorf("too many Host headers")
	}
	req.Host = req.URL.Host
	if req.Host == "" {
		req.Host = req.Header.get("Host")
	}
	// HTTP/1.0's "Pragma: no-cache" implies the same Cache-Control.
	if pragma := req.Header["Pragma"]; len(pragma) > 0 && pragma[0] == "no-cache" {
		if _, has := req.Header["Cache-Control"]; !has {
			req.Header["Cache-Control"] = []string{"no-cache"}
		}
	}
	req.Close = closeWanted(req.ProtoMajor, req.ProtoMinor, req.Header, false)
	if err = readTransfer(req, b); err != nil {
		return nil, err
	}
	return req, nil
}

// wantsHttp10KeepAlive: an HTTP/1.0 request that asks to keep the connection.
func (r *Request) wantsHttp10KeepAlive() bool {
	if r.ProtoMajor != 1 || r.ProtoMinor != 0 {
		return false
	}
	return valuesHaveToken(r.Header["Connection"], "keep-alive")
}

// wantsClose: the request says "Connection: close".
func (r *Request) wantsClose() bool {
	if r.Close {
		return true
	}
	return valuesHaveToken(r.Header["Connection"], "close")
}

func (r *Request) expectsContinue() bool { return hasToken(r.Header.get("Expect"), "100-continue") }

// ParseForm fills r.Form from the query and, for POST, PUT and PATCH with
// an application/x-www-form-urlencoded body, r.PostForm and r.Form from the
// body too (body values first). It may be called more than once.
func (r *Request) ParseForm() error {
	var err error
	if r.PostForm == nil {
		if r.Method == "POST" || r.Method == "PUT" || r.Method == "PATCH" {
			r.PostForm, err = parsePostForm(r)
		}
		if r.PostForm == nil {
			r.PostForm = make(url.Values)
		}
	}
	if r.Form == nil {
		if len(r.PostForm) > 0 {
			r.Form = make(url.Values)
			for k, vs := range r.PostForm {
				r.Form[k] = append(r.Form[k], vs...)
			}
		}
		var fromQuery url.Values
		if r.URL != nil {
			var qerr error
			fromQuery, qerr = url.ParseQuery(r.URL.RawQuery)
			if err == nil {
				err = qerr
			}
		}
		if r.Form == nil {
			r.Form = fromQuery
		} else {
			for k, vs := range fromQuery {
				r.Form[k] = append(r.Form[k], vs...)
			}
		}
		if r.Form == nil {
			r.Form = make(url.Values)
		}
	}
	return err
}

// The most of a form body ParseForm reads (Go's 10 MB).
const maxFormSize = int64(10 << 20)

func parsePostForm(r *Request) (vs url.Values, err error) {
	if r.Body == nil {
		return nil, errors.New("missing form body")
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/octet-stream"
	}
	mediaType, _, _ := strings.Cut(ct, ";")
	mediaType = strings.ToLower(strings.TrimSpace(mediaType))
	if mediaType != "application/x-www-form-urlencoded" {
		if mediaType == "multipart/form-data" {
			return nil, nil // multipart forms are ParseMultipartForm's, which p9rt lacks
		}
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxFormSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > maxFormSize {
		return nil, errors.New("http: POST too large")
	}
	return url.ParseQuery(string(data))
}

// FormValue is the first value of key in the query or form body, after
// ParseForm; errors are ignored.
func (r *Request) FormValue(key string) string {
	if r.Form == nil {
		r.ParseForm()
	}
	if vs := r.Form[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// PostFormValue is the first value of key in the form body.
func (r *Request) PostFormValue(key string) string {
	if r.PostForm == nil {
		r.ParseForm()
	}
	if vs := r.PostForm[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Write writes r as a client sends it: the request line with the request
// URI, Host, User-Agent, the body's framing, the other header fields, an
// empty line and the body (chunked when its length is unknown).
func (r *Request) Write(w io.Writer) error { return r.write(w, nil) }

func (r *Request) write(w io.Writer, extra Header) (err error) {
	host := r.Host
	if host == "" {
		if r.URL == nil {
			return errors.New("http: Request.Write on Request with no Host or URL set")
		}
		host = r.URL.Host
	}
	target := r.URL.RequestURI()
	if r.Method == "CONNECT" && r.URL.Path == "" {
		target = host
	}
	bw, isBuffered := w.(*bufio.Writer)
	if !isBuffered {
		bw = bufio.NewWriter(w)
	}
	method := r.Method
	if method == "" {
		method = "GET"
	}
	fmt.Fprintf(bw, "%s %s HTTP/1.1\r\nHost: %s\r\n", method, target, host)
	ua := "Go-http-client/1.1"
	if vs, has := r.Header["User-Agent"]; has {
		ua = ""
		if len(vs) > 0 {
			ua = vs[0]
		}
	}
	if ua != "" {
		fmt.Fprintf(bw, "User-Agent: %s\r\n", strings.Map(newlineToSpace, ua))
	}
	body, length, chunked, err := outgoingBody(r)
	if err != nil {
		return err
	}
	if r.Close && !hasToken(r.Header.get("Connection"), "close") {
		bw.WriteString("Connection: close\r\n")
	}
	if chunked {
		bw.WriteString("Transfer-Encoding: chunked\r\n")
	} else if length > 0 || length == 0 && body == nil && methodSendsLength(method) {
		fmt.Fprintf(bw, "Content-Length: %d\r\n", length)
	}
	r.Header.WriteSubset(bw, requestWriteExcluded)
	if extra != nil {
		extra.Write(bw)
	}
	bw.WriteString("\r\n")
	if body != nil {
		if chunked {
			framer := &chunkedWriter{bw}
			_, err = io.Copy(framer, body)
			if err == nil {
				err = framer.Close()
			}
			if err == nil {
				_, err = bw.WriteString("\r\n")
			}
		} else {
			var n int64
			n, err = io.Copy(bw, io.LimitReader(body, length))
			if err == nil && n != length {
				err = fmt.Errorf("http: ContentLength=%d with Body length %d", length, n)
			}
		}
		if r.Body != nil {
			r.Body.Close()
		}
		if err != nil {
			return err
		}
	}
	if !isBuffered {
		return bw.Flush()
	}
	return nil
}

// The header fields Request.write writes itself.
var requestWriteExcluded = map[string]bool{
	"Host":              true,
	"User-Agent":        true,
	"Content-Length":    true,
	"Transfer-Encoding": true,
	"Trailer":           true,
}

// methodSendsLength: methods that send "Content-Length: 0" with no body.
func methodSendsLength(m string) bool { return m == "POST" || m == "PUT" || m == "PATCH" }

// outgoingBody decides how r's body goes out: with its length, or chunked
// when the length is unknown.
func outgoingBody(r *Request) (body io.Reader, length int64, chunked bool, err error) {
	if r.Body == nil || r.Body == NoBody {
		return nil, 0, false, nil
	}
	if r.ContentLength > 0 {
		return r.Body, r.ContentLength, false, nil
	}
	if r.ContentLength == 0 && methodUsuallyBodiless(r.Method) {
		// Probe: for a method that rarely has a body, an empty one is sent
		// as none (other methods always send theirs, chunked).
		var first [1]byte
		n, rerr := r.Body.Read(first[:])
		if n == 0 {
			if rerr != nil && rerr != io.EOF {
				return nil, 0, false, rerr
			}
			if rerr == io.EOF {
				r.Body.Close()
				return nil, 0, false, nil
			}
		}
		return io.MultiReader(bytes.NewReader(first[:n]), r.Body), -1, true, nil
	}
	return r.Body, -1, true, nil
}

// methodUsuallyBodiless: the methods whose unknown-length body is probed.
func methodUsuallyBodiless(m string) bool {
	switch m {
	case "GET", "HEAD", "DELETE", "OPTIONS", "PROPFIND", "SEARCH":
		return true
	}
	return false
}

// NoBody is an empty body: reads give io.EOF at once, Close does nothing.
var NoBody = noBody{}

type noBody struct{}

func (noBody) Read([]byte) (int, error)         { return 0, io.EOF }
func (noBody) Close() error                     { return nil }
func (noBody) WriteTo(io.Writer) (int64, error) { return 0, nil }

// parseContentLength reads a Content-Length value: decimal digits only.
func parseContentLength(cl string) (int64, error) {
	cl = textproto.TrimString(cl)
	if cl == "" {
		return -1, nil
	}
	n, err := strconv.ParseUint(cl, 10, 63)
	if err != nil {
		return 0, badStringError("bad Content-Length", cl)
	}
	return int64(n), nil
}

// ReadRequest reads one request from b as a server receives it.
func ReadRequest(b *bufio.Reader) (*Request, error) {
	req, err := readRequest(b)
	if err != nil {
		return nil, err
	}
	delete(req.Header, "Host")
	return req, nil
}
