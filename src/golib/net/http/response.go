package http

import (
	"bufio"
	"io"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
)

// A Response is the reply to a client's request. Its Body must be read and
// closed for the connection to be used again.
type Response struct {
	Status     string // "200 OK"
	StatusCode int    // 200
	Proto      string // "HTTP/1.0"
	ProtoMajor int    // 1
	ProtoMinor int    // 0

	Header Header

	// Body streams the reply's body; it is never nil on a client response
	// (NoBody when empty).
	Body io.ReadCloser

	// ContentLength is the body's length, -1 when unknown (chunked, or up
	// to the end of the connection).
	ContentLength int64

	TransferEncoding []string

	// Close reports that the connection ends with this response.
	Close bool

	// Uncompressed: the transport decompressed the body (never on p9rt,
	// which has no compress/gzip).
	Uncompressed bool

	Trailer Header

	// Request is the request that got this response.
	Request *Request
}

// Location is the Location header resolved against the request's URL;
// ErrNoLocation when there is none.
func (r *Response) Location() (*url.URL, error) {
	loc := r.Header.Get("Location")
	if loc == "" {
		return nil, ErrNoLocation
	}
	if r.Request != nil && r.Request.URL != nil {
		return r.Request.URL.Parse(loc)
	}
	return url.Parse(loc)
}

// ProtoAtLeast reports whether the response's protocol is at least
// HTTP/major.minor.
func (r *Response) ProtoAtLeast(major, minor int) bool {
	return r.ProtoMajor > major || r.ProtoMajor == major && r.ProtoMinor >= minor
}

// ReadResponse reads one response from r; req is the request it answers
// (its method decides whether a body follows).
func ReadResponse(r *bufio.Reader, req *Request) (*Response, error) {
	tp := textproto.NewReader(r)
	resp := &Response{Request: req}
	line, err := tp.ReadLine()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	proto, status, found := strings.Cut(line, " ")
	if !found {
		return nil, badStringError("malformed HTTP response", line)
	}
	resp.Proto = proto
	resp.Status = strings.TrimLeft(status, " ")
	code, _, _ := strings.Cut(resp.Status, " ")
	if len(code) != 3 {
		return nil, badStringError("malformed HTTP status code", code)
	}
	resp.StatusCode, err = strconv.Atoi(code)
	if err != nil || resp.StatusCode < 0 {
		return nil, badStringError("malformed HTTP status code", code)
	}
	var ok bool
	if resp.ProtoMajor, resp.ProtoMinor, ok = ParseHTTPVersion(resp.Proto); !ok {
		return nil, badStringError("malformed HTTP version", resp.Proto)
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	resp.Header = Header(mh)
	if pragma := resp.Header["Pragma"]; len(pragma) > 0 && pragma[0] == "no-cache" {
		if _, has := resp.Header["Cache-Control"]; !has {
			resp.Header["Cache-Control"] = []string{"no-cache"}
		}
	}
	if err := readTransfer(resp, r); err != nil {
		return nil, err
	}
	return resp, nil
}
