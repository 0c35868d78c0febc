package http

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"sync"
)

// The errors of message framing.
var (
	ErrBodyReadAfterClose = errors.New("http: invalid Read on closed Body")
	ErrLineTooLong        = errors.New("header line too long")
	ErrBodyNotAllowed     = errors.New("http: request method or response status code does not allow body")
	ErrContentLength      = errors.New("http: wrote more than the declared Content-Length")
	ErrHijacked           = errors.New("http: connection has been hijacked")
	ErrAbortHandler       = errors.New("net/http: abort Handler")
	ErrServerClosed       = errors.New("http: Server closed")
	ErrHandlerTimeout     = errors.New("http: Handler timeout")
	ErrUseLastResponse    = errors.New("net/http: use last response")
	ErrNoLocation         = errors.New("http: no Location header in response")
	ErrMissingFile        = errors.New("http: no such file")
)

// A ProtocolError is an HTTP protocol violation.
type ProtocolError struct {
	ErrorString string
}

func (pe *ProtocolError) Error() string { return pe.ErrorString }

var (
	ErrNotSupported         = &ProtocolError{"feature not supported"}
	ErrUnexpectedTrailer    = &ProtocolError{"trailer header without chunked transfer encoding"}
	ErrMissingContentLength = &ProtocolError{"missing ContentLength in HEAD response"}
)

// unsupportedTEError: a Transfer-Encoding other than chunked, answered 501.
type unsupportedTEError struct {
	err string
}

func (e *unsupportedTEError) Error() string { return e.err }

// closeWanted decides from the version and Connection header whether the
// connection ends after this message; drop removes "Connection: close".
func closeWanted(major, minor int, h Header, drop bool) bool {
	if major < 1 {
		return true
	}
	conn := h["Connection"]
	closing := valuesHaveToken(conn, "close")
	if major == 1 && minor == 0 {
		return closing || !valuesHaveToken(conn, "keep-alive")
	}
	if closing && drop {
		h.Del("Connection")
	}
	return closing
}

// bodyAllowedForStatus: 1xx, 204 and 304 responses have no body.
func bodyAllowedForStatus(status int) bool {
	switch {
	case status >= 100 && status <= 199, status == 204, status == 304:
		return false
	}
	return true
}

// framing is what readTransfer works out about one message's body.
type framing struct {
	header     Header
	status     int
	method     string // the request's method (for a response, the one it answers)
	major      int
	minor      int
	isResponse bool
	chunked    bool
	length     int64
	close      bool
}

// readTransfer reads the framing headers of a request or response (msg)
// and sets its Body, ContentLength, TransferEncoding and Close; the body
// itself stays in r.
func readTransfer(msg any, r *bufio.Reader) error {
	f := &framing{method: "GET"}
	var resp *Response
	var req *Request
	switch m := msg.(type) {
	case *Response:
		resp = m
		f.header, f.status, f.major, f.minor, f.isResponse = m.Header, m.StatusCode, m.ProtoMajor, m.ProtoMinor, true
		f.close = closeWanted(f.major, f.minor, f.header, true)
		if m.Request != nil {
			f.method = m.Request.Method
		}
	case *Request:
		req = m
		f.header, f.status, f.major, f.minor, f.method = m.Header, 200, m.ProtoMajor, m.ProtoMinor, m.Method
		f.close = m.Close
	}
	if f.major == 0 && f.minor == 0 {
		f.major, f.minor = 1, 1
	}
	if te, present := f.header["Transfer-Encoding"]; present {
		delete(f.header, "Transfer-Encoding")
		if f.major > 1 || f.major == 1 && f.minor >= 1 {
			if len(te) != 1 {
				return &unsupportedTEError{fmt.Sprintf("too many transfer encodings: %q", te)}
			}
			if !equalFoldASCII(te[0], "chunked") {
				return &unsupportedTEError{fmt.Sprintf("unsupported transfer encoding: %q", te[0])}
			}
			delete(f.header, "Content-Length")
			f.chunked = true
		}
	}
	length, err := f.bodyLength()
	if err != nil {
		return err
	}
	f.length = length
	if f.isResponse && f.method == "HEAD" {
		if f.length, err = parseContentLength(f.header.get("Content-Length")); err != nil {
			return err
		}
	}
	if _, has := f.header["Trailer"]; has && !f.chunked {
		return ErrUnexpectedTrailer
	}
	if f.isResponse && length == -1 && !f.chunked && bodyAllowedForStatus(f.status) {
		f.close = true // the body runs to the end of the connection
	}
	var body io.ReadCloser
	switch {
	case f.chunked:
		if f.isResponse && (f.method == "HEAD" || !bodyAllowedForStatus(f.status)) {
			body = NoBody
		} else {
			body = &bodyReader{src: newChunkedReader(r), closing: f.close}
		}
	case length == 0:
		body = NoBody
	case length > 0:
		body = &bodyReader{src: io.LimitReader(r, length), closing: f.close}
	case f.close:
		body = &bodyReader{src: r, closing: true}
	default:
		body = NoBody
	}
	var te []string
	if f.chunked {
		te = []string{"chunked"}
	}
	if req != nil {
		req.Body, req.ContentLength, req.TransferEncoding, req.Close = body, f.length, te, f.close
	} else {
		resp.Body, resp.ContentLength, resp.TransferEncoding, resp.Close = body, f.length, te, f.close
	}
	return nil
}

// bodyLength is the body's length from the status, method and headers: 0
// when the message can have none, -1 when it runs to the connection's end
// or is chunked.
func (f *framing) bodyLength() (int64, error) {
	lens := f.header["Content-Length"]
	if len(lens) > 1 {
		// Repeats are allowed when they agree.
		first := textproto.TrimString(lens[0])
		for _, l := range lens[1:] {
			if textproto.TrimString(l) != first {
				return 0, fmt.Errorf("http: message cannot contain multiple Content-Length headers; got %q", lens)
			}
		}
		f.header.Del("Content-Length")
		f.header.Add("Content-Length", first)
		lens = f.header["Content-Length"]
	}
	if f.isResponse && f.method == "HEAD" {
		return 0, nil
	}
	if f.status/100 == 1 || f.status == 204 || f.status == 304 {
		return 0, nil
	}
	if f.chunked {
		return -1, nil
	}
	cl := ""
	if len(lens) == 1 {
		cl = textproto.TrimString(lens[0])
	}
	if cl != "" {
		n, err := parseContentLength(cl)
		if err != nil {
			return -1, err
		}
		return n, nil
	}
	f.header.Del("Content-Length")
	if !f.isResponse {
		return 0, nil // a request without a length has no body
	}
	return -1, nil
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// The most of a request body the server reads for the handler after it
// returns, so the connection can be used again (Go's 256 KiB).
const maxPostHandlerReadBytes = 256 << 10

// A bodyReader is the Body of a received message: it stops at the body's
// end, says io.ErrUnexpectedEOF when the connection ends first, and after
// Close refuses to read.
type bodyReader struct {
	src     io.Reader
	closing bool // the connection ends with this message

	mu           sync.Mutex
	sawEOF       bool
	closed       bool
	earlyClose   bool   // closed with more than maxPostHandlerReadBytes unread (server)
	doEarlyClose bool   // a server's request body: Close drains at most maxPostHandlerReadBytes
	onHitEOF     func() // called once the end is read
}

func (b *bodyReader) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, ErrBodyReadAfterClose
	}
	return b.readLocked(p)
}

func (b *bodyReader) readLocked(p []byte) (n int, err error) {
	if b.sawEOF {
		return 0, io.EOF
	}
	n, err = b.src.Read(p)
	limited, isLimited := b.src.(*io.LimitedReader)
	if err == io.EOF {
		b.sawEOF = true
		if isLimited && limited.N > 0 {
			err = io.ErrUnexpectedEOF // the connection ended inside the body
		}
	} else if err == nil && n > 0 && isLimited && limited.N == 0 {
		// The last byte: say so now rather than on the next call.
		err = io.EOF
		b.sawEOF = true
	}
	if b.sawEOF && b.onHitEOF != nil {
		hook := b.onHitEOF
		b.onHitEOF = nil
		hook()
	}
	return n, err
}

// lockedBody reads a bodyReader whose mutex is already held.
type lockedBody struct{ b *bodyReader }

func (l lockedBody) Read(p []byte) (int, error) {
	if l.b.closed {
		return 0, ErrBodyReadAfterClose
	}
	return l.b.readLocked(p)
}

// Close gives up the rest of the body: read to its end when the connection
// is to be used again (at most maxPostHandlerReadBytes on a server), left
// unread when the connection ends anyway.
func (b *bodyReader) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	var err error
	switch {
	case b.sawEOF:
	case b.closing:
	case b.doEarlyClose:
		if limited, isLimited := b.src.(*io.LimitedReader); isLimited && limited.N > maxPostHandlerReadBytes {
			b.earlyClose = true
		} else {
			var n int64
			n, err = io.CopyN(io.Discard, lockedBody{b}, maxPostHandlerReadBytes)
			if err == io.EOF {
				err = nil
			}
			if n == maxPostHandlerReadBytes {
				b.earlyClose = true
			}
		}
	default:
		_, err = io.Copy(io.Discard, lockedBody{b})
	}
	b.closed = true
	return err
}

func (b *bodyReader) didEarlyClose() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.earlyClose
}

// bodyRemains reports whether a request body still has bytes to read.
func bodyRemains(rc io.ReadCloser) bool {
	if rc == NoBody {
		return false
	}
	if b, isBody := rc.(*bodyReader); isBody {
		b.mu.Lock()
		defer b.mu.Unlock()
		return !b.sawEOF
	}
	return true
}

// unreadBytes is how much of a Content-Length body is left, or -1.
func (b *bodyReader) unreadBytes() int64 {
	if limited, isLimited := b.src.(*io.LimitedReader); isLimited {
		return limited.N
	}
	return -1
}

// chunkedReader decodes "size\r\ndata\r\n" chunks up to the zero-size one
// and the trailer lines after it.
type chunkedReader struct {
	r    *bufio.Reader
	left uint64 // bytes of the current chunk still to read
	err  error
	mid  bool // inside a chunk's data (its CRLF still to come)
}

func newChunkedReader(r *bufio.Reader) *chunkedReader { return &chunkedReader{r: r} }

var errMalformedChunk = errors.New("malformed chunked encoding")

// nextChunk reads one chunk-size line.
func (cr *chunkedReader) nextChunk() {
	line, err := readChunkLine(cr.r)
	if err != nil {
		cr.err = err
		return
	}
	size, err := parseChunkSize(line)
	if err != nil {
		cr.err = err
		return
	}
	cr.left = size
	if size == 0 {
		// The last chunk: skip the trailer up to its empty line.
		for {
			l, err := readChunkLine(cr.r)
			if err != nil {
				cr.err = err
				return
			}
			if len(l) == 0 {
				break
			}
		}
		cr.err = io.EOF
	}
}

func (cr *chunkedReader) Read(p []byte) (n int, err error) {
	for cr.err == nil {
		if cr.left == 0 && cr.mid {
			// The CRLF after a chunk's data; with data in hand, do not wait for it.
			if n > 0 && cr.r.Buffered() < 2 {
				break
			}
			var crlf [2]byte
			if _, err := io.ReadFull(cr.r, crlf[:]); err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF // the body ended between chunks
				}
				cr.err = err
				break
			}
			if crlf[0] != '\r' || crlf[1] != '\n' {
				cr.err = errMalformedChunk
				break
			}
			cr.mid = false
		}
		if cr.left == 0 {
			if n > 0 && !cr.lineBuffered() {
				break
			}
			cr.nextChunk()
			cr.mid = cr.err == nil
			continue
		}
		if len(p) == 0 {
			break
		}
		want := p
		if uint64(len(want)) > cr.left {
			want = want[:cr.left]
		}
		got, rerr := cr.r.Read(want)
		n += got
		p = p[got:]
		cr.left -= uint64(got)
		if rerr != nil {
			if rerr == io.EOF {
				rerr = io.ErrUnexpectedEOF
			}
			cr.err = rerr
			break
		}
		if cr.left > 0 && cr.r.Buffered() == 0 {
			break // the rest of the chunk has not arrived
		}
	}
	if cr.err == io.EOF && n > 0 {
		return n, nil
	}
	return n, cr.err
}

// lineBuffered reports whether a whole line waits in the buffer.
func (cr *chunkedReader) lineBuffered() bool {
	have, _ := cr.r.Peek(cr.r.Buffered())
	for _, c := range have {
		if c == '\n' {
			return true
		}
	}
	return false
}

// readChunkLine reads a line of the chunked framing, without its CRLF and
// without a chunk extension (";name=value").
func readChunkLine(b *bufio.Reader) ([]byte, error) {
	line, err := b.ReadSlice('\n')
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		} else if err == bufio.ErrBufferFull {
			err = ErrLineTooLong
		}
		return nil, err
	}
	if len(line) >= 4096 {
		return nil, ErrLineTooLong
	}
	for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r' || line[len(line)-1] == ' ' || line[len(line)-1] == '\t') {
		line = line[:len(line)-1]
	}
	for i, c := range line {
		if c == ';' {
			line = line[:i]
			break
		}
	}
	for len(line) > 0 && (line[len(line)-1] == ' ' || line[len(line)-1] == '\t') {
		line = line[:len(line)-1]
	}
	return line, nil
}

// parseChunkSize reads a chunk's hexadecimal size.
func parseChunkSize(v []byte) (uint64, error) {
	if len(v) == 0 {
		return 0, errors.New("empty hex number for chunk length")
	}
	var n uint64
	for i, c := range v {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, errors.New("invalid byte in chunk length")
		}
		if i == 16 {
			return 0, errors.New("http chunk length too large")
		}
		n = n<<4 | uint64(d)
	}
	return n, nil
}

// chunkedWriter frames each Write as one chunk; Close writes the last,
// empty chunk (the caller ends the trailer with CRLF).
type chunkedWriter struct {
	w io.Writer
}

func (framer *chunkedWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil // an empty chunk would end the body
	}
	if _, err := io.WriteString(framer.w, strconv.FormatInt(int64(len(p)), 16)+"\r\n"); err != nil {
		return 0, err
	}
	n, err := framer.w.Write(p)
	if err == nil && n != len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		return n, err
	}
	_, err = io.WriteString(framer.w, "\r\n")
	return n, err
}

func (framer *chunkedWriter) Close() error {
	_, err := io.WriteString(framer.w, "0\r\n")
	return err
}
