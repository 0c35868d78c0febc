package http

import (
	"io"
	"net/textproto"
	"sort"
	"strings"
)

// A Header is the key-value pairs of an HTTP header, keys canonical
// ("Content-Type"), each with its values in order.
type Header map[string][]string

// Add appends value to key's values.
func (h Header) Add(key, value string) { textproto.MIMEHeader(h).Add(key, value) }

// Set makes value key's only value.
func (h Header) Set(key, value string) { textproto.MIMEHeader(h).Set(key, value) }

// Get is key's first value, or "".
func (h Header) Get(key string) string { return textproto.MIMEHeader(h).Get(key) }

// Values is all of key's values.
func (h Header) Values(key string) []string { return textproto.MIMEHeader(h).Values(key) }

// Del removes key.
func (h Header) Del(key string) { textproto.MIMEHeader(h).Del(key) }

// get is Get for a key already canonical.
func (h Header) get(key string) string {
	if vs := h[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// has reports whether the canonical key is present.
func (h Header) has(key string) bool {
	_, present := h[key]
	return present
}

// Clone is a deep copy of h; nil stays nil.
func (h Header) Clone() Header {
	if h == nil {
		return nil
	}
	out := make(Header, len(h))
	for k, vs := range h {
		if vs == nil {
			out[k] = nil
			continue
		}
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// Write writes h in wire format, keys sorted.
func (h Header) Write(w io.Writer) error { return h.WriteSubset(w, nil) }

// WriteSubset writes h in wire format, keys sorted, leaving out the keys
// exclude marks true. Line breaks inside values become spaces.
func (h Header) WriteSubset(w io.Writer, exclude map[string]bool) error {
	keys := make([]string, 0, len(h))
	for k := range h {
		if !exclude[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range h[k] {
			v = strings.Map(newlineToSpace, v)
			b.WriteString(k)
			b.WriteString(": ")
			b.WriteString(textproto.TrimString(v))
			b.WriteString("\r\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func newlineToSpace(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// CanonicalHeaderKey is the canonical form of key ("accept-encoding" is
// "Accept-Encoding").
func CanonicalHeaderKey(s string) string { return textproto.CanonicalMIMEHeaderKey(s) }

// hasToken reports whether the comma-separated list v has token, ignoring
// case ("keep-alive, Upgrade" has "upgrade").
func hasToken(v, token string) bool {
	for _, part := range strings.Split(v, ",") {
		if strings.EqualFold(textproto.TrimString(part), token) {
			return true
		}
	}
	return false
}

// valuesHaveToken is hasToken over each of a header's values.
func valuesHaveToken(vs []string, token string) bool {
	for _, v := range vs {
		if hasToken(v, token) {
			return true
		}
	}
	return false
}

// validHeaderName: a non-empty token.
func validHeaderName(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// validHeaderValue: no control bytes other than tab.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}
