// Package httptest is for testing HTTP code: a request to hand a handler
// directly, a ResponseWriter that records what the handler did, and a
// server on the loopback (Go's net/http/httptest is the reference for
// behaviour; this is p9rt's own).
package httptest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// DefaultRemoteAddr is the RemoteAddr of NewRequest's requests.
const DefaultRemoteAddr = "1.2.3.4"

// NewRequest makes a request as a server would receive it, to pass to a
// handler: HTTP/1.1, host example.com unless target names one, remote
// address 192.0.2.1:1234. Bad arguments panic.
func NewRequest(method, target string, body io.Reader) *http.Request {
	if method == "" {
		method = "GET"
	}
	req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(method + " " + target + " HTTP/1.0\r\n\r\n")))
	if err != nil {
		panic("invalid NewRequest arguments; " + err.Error())
	}
	req.Proto = "HTTP/1.1"
	req.ProtoMinor = 1
	req.Close = false
	if body != nil {
		switch v := body.(type) {
		case *bytes.Buffer:
			req.ContentLength = int64(v.Len())
		case *bytes.Reader:
			req.ContentLength = int64(v.Len())
		case *strings.Reader:
			req.ContentLength = int64(v.Len())
		default:
			req.ContentLength = -1
		}
		if rc, isCloser := body.(io.ReadCloser); isCloser {
			req.Body = rc
		} else {
			req.Body = io.NopCloser(body)
		}
	}
	req.RemoteAddr = "192.0.2.1:1234"
	if req.Host == "" {
		req.Host = "example.com"
	}
	return req
}

// A ResponseRecorder is a ResponseWriter that keeps what the handler wrote.
type ResponseRecorder struct {
	Code      int           // the status written (200 until then)
	HeaderMap http.Header   // the handler's header, as it changes
	Body      *bytes.Buffer // the body written, when not nil
	Flushed   bool          // Flush was called

	result      *http.Response
	snapHeader  http.Header // the header as of WriteHeader
	wroteHeader bool
}

// NewRecorder returns a ResponseRecorder with status 200 and an empty body.
func NewRecorder() *ResponseRecorder {
	return &ResponseRecorder{HeaderMap: make(http.Header), Body: new(bytes.Buffer), Code: 200}
}

// Header is the header the handler changes.
func (rw *ResponseRecorder) Header() http.Header {
	if rw.HeaderMap == nil {
		rw.HeaderMap = make(http.Header)
	}
	return rw.HeaderMap
}

// implicitHeader writes the header before the first body bytes, with a
// sniffed Content-Type when the handler set none, as a server would.
func (rw *ResponseRecorder) implicitHeader(b []byte, s string) {
	if rw.wroteHeader {
		return
	}
	if len(s) > 512 {
		s = s[:512]
	}
	h := rw.Header()
	_, hasType := h["Content-Type"]
	if !hasType && h.Get("Transfer-Encoding") == "" {
		if b == nil {
			b = []byte(s)
		}
		h.Set("Content-Type", http.DetectContentType(b))
	}
	rw.WriteHeader(200)
}

func (rw *ResponseRecorder) Write(buf []byte) (int, error) {
	rw.implicitHeader(buf, "")
	if rw.Body != nil {
		rw.Body.Write(buf)
	}
	return len(buf), nil
}

func (rw *ResponseRecorder) WriteString(str string) (int, error) {
	rw.implicitHeader(nil, str)
	if rw.Body != nil {
		rw.Body.WriteString(str)
	}
	return len(str), nil
}

// WriteHeader records code and the header as it is now; later calls are
// ignored. A code outside 100-999 panics, as a server's would.
func (rw *ResponseRecorder) WriteHeader(code int) {
	if rw.wroteHeader {
		return
	}
	if code < 100 || code > 999 {
		panic(fmt.Sprintf("invalid WriteHeader code %v", code))
	}
	rw.Code = code
	rw.wroteHeader = true
	if rw.HeaderMap == nil {
		rw.HeaderMap = make(http.Header)
	}
	rw.snapHeader = rw.HeaderMap.Clone()
}

// Flush records the call (and writes a 200 header if none was written).
func (rw *ResponseRecorder) Flush() {
	if !rw.wroteHeader {
		rw.WriteHeader(200)
	}
	rw.Flushed = true
}

// Result is the recorded reply as a client would see it; call it once the
// handler has returned.
func (rw *ResponseRecorder) Result() *http.Response {
	if rw.result != nil {
		return rw.result
	}
	if rw.snapHeader == nil {
		rw.snapHeader = rw.HeaderMap.Clone()
	}
	res := &http.Response{Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, StatusCode: rw.Code, Header: rw.snapHeader}
	rw.result = res
	if res.StatusCode == 0 {
		res.StatusCode = 200
	}
	res.Status = fmt.Sprintf("%03d %s", res.StatusCode, http.StatusText(res.StatusCode))
	if rw.Body != nil {
		res.Body = io.NopCloser(bytes.NewReader(rw.Body.Bytes()))
	} else {
		res.Body = http.NoBody
	}
	res.ContentLength = -1
	if cl := strings.TrimSpace(res.Header.Get("Content-Length")); cl != "" {
		if n, err := strconv.ParseInt(cl, 10, 64); err == nil && n >= 0 {
			res.ContentLength = n
		}
	}
	return res
}
