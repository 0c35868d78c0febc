// Package textproto reads the line-oriented headers that HTTP, SMTP and
// NNTP share: a block of "Key: value" lines ended by an empty line, keys
// in canonical form (Go's net/textproto is the reference for behaviour and
// error texts; this is p9rt's own, the part net/http needs).
package textproto

import (
	"bufio"
	"fmt"
	"strings"
)

// A MIMEHeader maps canonical keys to their values in order of arrival.
type MIMEHeader map[string][]string

// Add appends value to key's values.
func (h MIMEHeader) Add(key, value string) {
	k := CanonicalMIMEHeaderKey(key)
	h[k] = append(h[k], value)
}

// Set makes value key's only value.
func (h MIMEHeader) Set(key, value string) { h[CanonicalMIMEHeaderKey(key)] = []string{value} }

// Get is key's first value, or "".
func (h MIMEHeader) Get(key string) string {
	if h == nil {
		return ""
	}
	if vs := h[CanonicalMIMEHeaderKey(key)]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Values is all of key's values (the map's own slice).
func (h MIMEHeader) Values(key string) []string {
	if h == nil {
		return nil
	}
	return h[CanonicalMIMEHeaderKey(key)]
}

// Del removes key.
func (h MIMEHeader) Del(key string) { delete(h, CanonicalMIMEHeaderKey(key)) }

// tokenByte reports whether c may appear in a header key (RFC 7230's tchar).
func tokenByte(c byte) bool {
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// CanonicalMIMEHeaderKey writes key with an upper case letter at the start
// and after each '-', the rest lower case ("content-type" is
// "Content-Type"). A key with a space or a byte that is no token byte is
// returned as it is.
func CanonicalMIMEHeaderKey(key string) string {
	upper := true
	changed := false
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !tokenByte(c) {
			return key
		}
		if upper && 'a' <= c && c <= 'z' || !upper && 'A' <= c && c <= 'Z' {
			changed = true
		}
		upper = c == '-'
	}
	if !changed {
		return key
	}
	out := []byte(key)
	upper = true
	for i, c := range out {
		if upper && 'a' <= c && c <= 'z' {
			out[i] = c - ('a' - 'A')
		} else if !upper && 'A' <= c && c <= 'Z' {
			out[i] = c + ('a' - 'A')
		}
		upper = c == '-'
	}
	return string(out)
}

// A ProtocolError is input that breaks the protocol's syntax.
type ProtocolError string

func (p ProtocolError) Error() string { return string(p) }

// A Reader reads lines and header blocks from R.
type Reader struct {
	R *bufio.Reader
}

// NewReader returns a Reader over r.
func NewReader(r *bufio.Reader) *Reader { return &Reader{R: r} }

// readLineBytes reads one line, joining the pieces of a line longer than the
// buffer, without its "\r\n" or "\n".
func (r *Reader) readLineBytes() ([]byte, error) {
	var line []byte
	for {
		piece, more, err := r.R.ReadLine()
		if err != nil {
			return nil, err
		}
		if line == nil && !more {
			return piece, nil
		}
		line = append(line, piece...)
		if !more {
			return line, nil
		}
	}
}

// ReadLine reads one line without its line ending.
func (r *Reader) ReadLine() (string, error) {
	line, err := r.readLineBytes()
	return string(line), err
}

// TrimString removes ASCII spaces and tabs (and CR, LF) at both ends.
func TrimString(s string) string {
	for len(s) > 0 && isBlank(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isBlank(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ReadMIMEHeader reads "Key: value" lines up to an empty line. A line that
// starts with a space or tab continues the previous value; a line without a
// colon is an error naming the line.
func (r *Reader) ReadMIMEHeader() (MIMEHeader, error) {
	h := make(MIMEHeader)
	// The first line may not be a continuation.
	if first, err := r.R.Peek(1); err == nil && (first[0] == ' ' || first[0] == '\t') {
		line, err := r.readLineBytes()
		if err != nil {
			return h, err
		}
		return h, ProtocolError("malformed MIME header initial line: " + string(line))
	}
	for {
		kv, err := r.readJoinedLine()
		if len(kv) == 0 {
			return h, err
		}
		colon := strings.IndexByte(kv, ':')
		if colon < 0 {
			return h, ProtocolError(fmt.Sprintf("malformed MIME header: missing colon: %q", kv))
		}
		// A key that is no token stays as it is, for the caller to judge
		// (a server answers 400); an empty one is skipped.
		key := CanonicalMIMEHeaderKey(kv[:colon])
		if key == "" {
			continue
		}
		value := TrimString(kv[colon+1:])
		h[key] = append(h[key], value)
		if err != nil {
			return h, err
		}
	}
}

// readJoinedLine reads a header line with its continuation lines folded in,
// each joined by one space.
func (r *Reader) readJoinedLine() (string, error) {
	line, err := r.readLineBytes()
	if err != nil || len(line) == 0 {
		return string(line), err
	}
	s := string(line)
	for {
		next, perr := r.R.Peek(1)
		if perr != nil || next[0] != ' ' && next[0] != '\t' {
			return s, nil
		}
		more, err := r.readLineBytes()
		if err != nil {
			return s, err
		}
		s = strings.TrimRight(s, " \t") + " " + TrimString(string(more))
	}
}

// An Error is a numeric reply of a text protocol.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%03d %s", e.Code, e.Msg) }
