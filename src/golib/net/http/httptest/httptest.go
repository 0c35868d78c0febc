// Package httptest is for testing HTTP code: a request to hand a handler
// directly, a ResponseWriter that records what the handler did, and a
// server on the loopback (Go's net/http/httptest is the reference for
// behaviour; this is p9rt's own).
package httptest

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// DefaultRemoteAddr is Go's default remote address for recorded requests.
const DefaultRemoteAddr = "1.2.3.4"

// testAddr is NewRequest's RemoteAddr, in TEST-NET-1.
const testAddr = "192.0.2.1" + ":1234"

// NewRequest makes a request as a server would receive it, to pass to a
// handler: HTTP/1.1, host example.com unless target names one, remote
// address 192.0.2.1:1234. Bad arguments panic.
func NewRequest(method, target string, body io.Reader) *http.Request {
	if method == "" {
		method = "GET"
	}
	line := method + " " + target + " HTTP/1.0\r\n\r\n"
	r2, err := http.ReadRequest(bufio.NewReader(strings.NewReader(line)))
	if err != nil {
		panic("invalid NewRequest arguments; " + err.Error())
	}
	r2.Proto = "HTTP/1.1"
	r2.ProtoMinor = 1
	r2.Close = false
	if body != nil {
		r2.ContentLength = -1
		if sized, known := body.(interface{ Len() int }); known && knownLength(body) {
			r2.ContentLength = int64(sized.Len())
		}
		if rc, isCloser := body.(io.ReadCloser); isCloser {
			r2.Body = rc
		} else {
			r2.Body = io.NopCloser(body)
		}
	}
	r2.RemoteAddr = testAddr
	if r2.Host == "" {
		r2.Host = "example.com"
	}
	return r2
}

// knownLength: the readers whose Len is the body's length.
func knownLength(r io.Reader) bool {
	switch r.(type) {
	case *bytes.Buffer, *bytes.Reader, *strings.Reader:
		return true
	}
	return false
}

// A ResponseRecorder is a ResponseWriter that keeps what the handler wrote.
type ResponseRecorder struct {
	Code      int           // the status written (200 until then)
	HeaderMap http.Header   // the handler's header, as it changes
	Body      *bytes.Buffer // the body written, when not nil
	Flushed   bool          // Flush was called

	result      *http.Response
	sent        http.Header // the header as of WriteHeader
	wroteHeader bool
}

// NewRecorder returns a ResponseRecorder with status 200 and an empty body.
func NewRecorder() *ResponseRecorder {
	return &ResponseRecorder{HeaderMap: make(http.Header), Body: new(bytes.Buffer), Code: 200}
}

// Header is the header the handler changes.
func (rec *ResponseRecorder) Header() http.Header {
	if rec.HeaderMap == nil {
		rec.HeaderMap = make(http.Header)
	}
	return rec.HeaderMap
}

// implicitHeader writes the header before the first body bytes, with a
// sniffed Content-Type when the handler set none, as a server would.
func (rec *ResponseRecorder) implicitHeader(b []byte, s string) {
	if rec.wroteHeader {
		return
	}
	if len(s) > 512 {
		s = s[:512]
	}
	h := rec.Header()
	_, hasType := h["Content-Type"]
	if !hasType && h.Get("Transfer-Encoding") == "" {
		if b == nil {
			b = []byte(s)
		}
		h.Set("Content-Type", http.DetectContentType(b))
	}
	rec.WriteHeader(200)
}

func (rec *ResponseRecorder) Write(buf []byte) (int, error) {
	rec.implicitHeader(buf, "")
	if rec.Body != nil {
		rec.Body.Write(buf)
	}
	return len(buf), nil
}

func (rec *ResponseRecorder) WriteString(str string) (int, error) {
	rec.implicitHeader(nil, str)
	if rec.Body != nil {
		rec.Body.WriteString(str)
	}
	return len(str), nil
}

// WriteHeader records code and the header as it is now; later calls are
// ignored. A code outside 100-999 panics, as a server's would.
func (rec *ResponseRecorder) WriteHeader(code int) {
	if rec.wroteHeader {
		return
	}
	if code < 100 || code > 999 {
		panic("invalid WriteHeader code " + strconv.Itoa(code))
	}
	rec.Code = code
	rec.wroteHeader = true
	rec.sent = rec.Header().Clone()
}

// Flush records the call (and writes a 200 header if none was written).
func (rec *ResponseRecorder) Flush() {
	if !rec.wroteHeader {
		rec.WriteHeader(200)
	}
	rec.Flushed = true
}

// Result is the recorded reply as a client would see it; call it once the
// handler has returned.
func (rec *ResponseRecorder) Result() *http.Response {
	if rec.result != nil {
		return rec.result
	}
	if rec.sent == nil {
		rec.sent = rec.HeaderMap.Clone()
	}
	out := &http.Response{Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, StatusCode: rec.Code, Header: rec.sent}
	rec.result = out
	if out.StatusCode == 0 {
		out.StatusCode = 200
	}
	code := strconv.Itoa(out.StatusCode)
	for len(code) < 3 {
		code = "0" + code
	}
	out.Status = code + " " + http.StatusText(out.StatusCode)
	out.Body = http.NoBody
	if rec.Body != nil {
		out.Body = io.NopCloser(bytes.NewReader(rec.Body.Bytes()))
	}
	out.ContentLength = -1
	if cl := strings.TrimSpace(out.Header.Get("Content-Length")); cl != "" {
		if n, err := strconv.ParseInt(cl, 10, 64); err == nil && n >= 0 {
			out.ContentLength = n
		}
	}
	return out
}
