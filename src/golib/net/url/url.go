// Package url parses URLs and escapes and unescapes their parts, after RFC
// 3986 as Go's net/url reads it (Go's net/url/url.go is the reference for
// behaviour and error texts; this is p9rt's own).
package url

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// An Error is a failed Op ("parse") on URL.
type Error struct {
	Op  string
	URL string
	Err error
}

func (e *Error) Unwrap() error { return e.Err }
func (e *Error) Error() string { return fmt.Sprintf("%s %q: %s", e.Op, e.URL, e.Err) }

func (e *Error) Timeout() bool {
	t, has := e.Err.(interface{ Timeout() bool })
	return has && t.Timeout()
}

func (e *Error) Temporary() bool {
	t, has := e.Err.(interface{ Temporary() bool })
	return has && t.Temporary()
}

// An EscapeError is a malformed %-escape.
type EscapeError string

func (e EscapeError) Error() string { return "invalid URL escape " + strconv.Quote(string(e)) }

// An InvalidHostError is a byte a host may not contain.
type InvalidHostError string

func (e InvalidHostError) Error() string {
	return "invalid character " + strconv.Quote(string(e)) + " in host name"
}

// Which part of a URL a string is escaped or unescaped for: each has its
// own set of bytes that stay as they are.
type urlPart int

const (
	inPath urlPart = 1 + iota
	inSegment
	inHost
	inZone
	inUserinfo
	inQuery
	inFragment
)

func hexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// mustEscape reports whether c has to be %-escaped in the given part.
func mustEscape(c byte, part urlPart) bool {
	// Letters and digits never do.
	if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
		return false
	}
	if part == inHost || part == inZone {
		// RFC 3986's sub-delims, ':' and the brackets of IPv6 literals stay, and
		// so do '"' and the others Go lets through for hosts in the wild.
		switch c {
		case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"':
			return false
		}
	}
	switch c {
	case '-', '_', '.', '~':
		return false
	case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
		// Reserved: which of them a part keeps depends on the part.
		switch part {
		case inPath:
			return c == '?'
		case inSegment:
			return c == '/' || c == ';' || c == ',' || c == '?'
		case inUserinfo:
			return c == '@' || c == '/' || c == '?' || c == ':'
		case inQuery:
			return true
		case inFragment:
			return false
		}
	}
	if part == inFragment {
		switch c {
		case '!', '(', ')', '*':
			return false
		}
	}
	return true
}

// QueryUnescape undoes QueryEscape: %XX becomes the byte, '+' a space.
func QueryUnescape(s string) (string, error) { return decodePart(s, inQuery) }

// PathUnescape undoes PathEscape: %XX becomes the byte; '+' stays.
func PathUnescape(s string) (string, error) { return decodePart(s, inSegment) }

// decodePart decodes the %-escapes of s, checking them as the part requires.
func decodePart(s string, part urlPart) (string, error) {
	pct := 0
	plusIsSpace := false
	for i := 0; i < len(s); {
		switch s[i] {
		case '%':
			pct++
			if i+2 >= len(s) || !hexDigit(s[i+1]) || !hexDigit(s[i+2]) {
				bad := s[i:]
				if len(bad) > 3 {
					bad = bad[:3]
				}
				return "", EscapeError(bad)
			}
			// In a host only %25 (the zone's %) and escapes of non-ASCII may
			// appear; in a zone any but %25... as Go decides.
			if part == inHost && hexVal(s[i+1]) < 8 && s[i:i+3] != "%25" {
				return "", EscapeError(s[i : i+3])
			}
			if part == inZone {
				v := hexVal(s[i+1])<<4 | hexVal(s[i+2])
				if s[i:i+3] != "%25" && v != ' ' && mustEscape(v, inHost) {
					return "", EscapeError(s[i : i+3])
				}
			}
			i += 3
		case '+':
			plusIsSpace = part == inQuery
			i++
		default:
			if (part == inHost || part == inZone) && s[i] < 0x80 && mustEscape(s[i], part) {
				return "", InvalidHostError(s[i : i+1])
			}
			i++
		}
	}
	if pct == 0 && !plusIsSpace {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) - 2*pct)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '%':
			b.WriteByte(hexVal(s[i+1])<<4 | hexVal(s[i+2]))
			i += 2
		case '+':
			if part == inQuery {
				b.WriteByte(' ')
			} else {
				b.WriteByte('+')
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), nil
}

// QueryEscape escapes s for a query component: spaces become '+'.
func QueryEscape(s string) string { return encodePart(s, inQuery) }

// PathEscape escapes s for one path segment: '/' becomes %2F.
func PathEscape(s string) string { return encodePart(s, inSegment) }

const upperHex = "0123456789ABCDEF"

func encodePart(s string, part urlPart) string {
	spaces, hexes := 0, 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; mustEscape(c, part) {
			if c == ' ' && part == inQuery {
				spaces++
			} else {
				hexes++
			}
		}
	}
	if spaces == 0 && hexes == 0 {
		return s
	}
	out := make([]byte, 0, len(s)+2*hexes)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' && part == inQuery:
			out = append(out, '+')
		case mustEscape(c, part):
			out = append(out, '%', upperHex[c>>4], upperHex[c&15])
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// A URL is a parsed URL: scheme:opaque?query#fragment or
// scheme://userinfo@host/path?query#fragment. Path is decoded; RawPath is
// its encoded form when that differs from the default urlPart.
type URL struct {
	Scheme      string
	Opaque      string    // encoded opaque data
	User        *Userinfo // username and password
	Host        string    // host or host:port
	Path        string    // path (relative paths may omit leading slash)
	RawPath     string    // encoded path hint (see EscapedPath)
	OmitHost    bool      // no "//" when the host is empty
	ForceQuery  bool      // append a query ('?') even if RawQuery is empty
	RawQuery    string    // encoded query values, without '?'
	Fragment    string    // fragment for references, without '#'
	RawFragment string    // encoded fragment hint (see EscapedFragment)
}

// User returns a Userinfo with a name and no password.
func User(username string) *Userinfo { return &Userinfo{username, "", false} }

// UserPassword returns a Userinfo with a name and a password.
func UserPassword(username, password string) *Userinfo { return &Userinfo{username, password, true} }

// A Userinfo is the user name and optional password of a URL.
type Userinfo struct {
	username    string
	password    string
	passwordSet bool
}

func (u *Userinfo) Username() string {
	if u == nil {
		return ""
	}
	return u.username
}

func (u *Userinfo) Password() (string, bool) {
	if u == nil {
		return "", false
	}
	return u.password, u.passwordSet
}

// String is "username[:password]", escaped.
func (u *Userinfo) String() string {
	if u == nil {
		return ""
	}
	s := encodePart(u.username, inUserinfo)
	if u.passwordSet {
		s += ":" + encodePart(u.password, inUserinfo)
	}
	return s
}

// splitScheme takes "scheme:" off the front of raw when there is one: a
// letter, then letters, digits, '+', '-', '.'.
func splitScheme(raw string) (scheme, remainder string, err error) {
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", raw, nil
			}
		case c == ':':
			if i == 0 {
				return "", "", errors.New("missing protocol scheme")
			}
			return raw[:i], raw[i+1:], nil
		default:
			// Not a scheme's character: the whole is a path.
			return "", raw, nil
		}
	}
	return "", raw, nil
}

// Parse parses raw, a URL or a relative reference, with its fragment.
func Parse(text string) (*URL, error) {
	u, fragPart, _ := strings.Cut(text, "#")
	url, err := parseURL(u, false)
	if err != nil {
		return nil, &Error{"parse", u, err}
	}
	if fragPart == "" {
		return url, nil
	}
	if err = url.assignFragment(fragPart); err != nil {
		return nil, &Error{"parse", text, err}
	}
	return url, nil
}

// ParseRequestURI parses raw as the target of an HTTP request: an absolute
// URL or an absolute path, with no fragment.
func ParseRequestURI(text string) (*URL, error) {
	url, err := parseURL(text, true)
	if err != nil {
		return nil, &Error{"parse", text, err}
	}
	return url, nil
}

func hasCTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return true
		}
	}
	return false
}

func parseURL(text string, forRequest bool) (*URL, error) {
	if hasCTL(text) {
		return nil, errors.New("net/url: invalid control character in URL")
	}
	if text == "" && forRequest {
		return nil, errors.New("empty url")
	}
	url := new(URL)
	if text == "*" {
		url.Path = "*"
		return url, nil
	}
	var remainder string
	var err error
	if url.Scheme, remainder, err = splitScheme(text); err != nil {
		return nil, err
	}
	url.Scheme = strings.ToLower(url.Scheme)
	if strings.HasSuffix(remainder, "?") && strings.Count(remainder, "?") == 1 {
		url.ForceQuery = true
		remainder = remainder[:len(remainder)-1]
	} else {
		remainder, url.RawQuery, _ = strings.Cut(remainder, "?")
	}
	if !strings.HasPrefix(remainder, "/") {
		if url.Scheme != "" {
			// scheme:opaque
			url.Opaque = remainder
			return url, nil
		}
		if forRequest {
			return nil, errors.New("invalid URI for request")
		}
		// A relative path's first segment must not look like a scheme.
		if seg, _, _ := strings.Cut(remainder, "/"); strings.Contains(seg, ":") {
			return nil, errors.New("first path segment in URL cannot contain colon")
		}
	}
	if (url.Scheme != "" || !forRequest && !strings.HasPrefix(remainder, "///")) && strings.HasPrefix(remainder, "//") {
		auth := remainder[2:]
		remainder = ""
		if i := strings.IndexByte(auth, '/'); i >= 0 {
			auth, remainder = auth[:i], auth[i:]
		}
		url.User, url.Host, err = splitAuthority(auth)
		if err != nil {
			return nil, err
		}
	} else if url.Scheme != "" && strings.HasPrefix(remainder, "/") {
		url.OmitHost = true
	}
	if err := url.assignPath(remainder); err != nil {
		return nil, err
	}
	return url, nil
}

func splitAuthority(auth string) (user *Userinfo, h string, err error) {
	i := strings.LastIndex(auth, "@")
	if i < 0 {
		h, err = checkHost(auth)
	} else {
		h, err = checkHost(auth[i+1:])
	}
	if err != nil {
		return nil, "", err
	}
	if i < 0 {
		return nil, h, nil
	}
	info := auth[:i]
	if !userinfoOK(info) {
		return nil, "", errors.New("net/url: invalid userinfo")
	}
	name, pass, hasPass := strings.Cut(info, ":")
	if name, err = decodePart(name, inUserinfo); err != nil {
		return nil, "", err
	}
	if !hasPass {
		return User(name), h, nil
	}
	if pass, err = decodePart(pass, inUserinfo); err != nil {
		return nil, "", err
	}
	return UserPassword(name, pass), h, nil
}

// checkHost checks and decodes host or host:port, with IPv6 literals in
// brackets and their %25-escaped zones.
func checkHost(h string) (string, error) {
	if strings.HasPrefix(h, "[") {
		end := strings.LastIndex(h, "]")
		if end < 0 {
			return "", errors.New("missing ']' in host")
		}
		port := h[end+1:]
		if !validPort(port) {
			return "", fmt.Errorf("invalid port %q after host", port)
		}
		// A zone (after %25 inside the brackets) has its own escapes.
		if zone := strings.Index(h[:end], "%25"); zone >= 0 {
			h1, err := decodePart(h[:zone], inHost)
			if err != nil {
				return "", err
			}
			h2, err := decodePart(h[zone:end], inZone)
			if err != nil {
				return "", err
			}
			h3, err := decodePart(h[end:], inHost)
			if err != nil {
				return "", err
			}
			return h1 + h2 + h3, nil
		}
	} else if i := strings.LastIndex(h, ":"); i >= 0 {
		if port := h[i:]; !validPort(port) {
			return "", fmt.Errorf("invalid port %q after host", port)
		}
	}
	return decodePart(h, inHost)
}

// validPort: empty, or ':' followed by digits only.
func validPort(port string) bool {
	if port == "" {
		return true
	}
	if port[0] != ':' {
		return false
	}
	for i := 1; i < len(port); i++ {
		if port[i] < '0' || port[i] > '9' {
			return false
		}
	}
	return true
}

func userinfoOK(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			continue
		}
		if !strings.ContainsRune("-._:~!$&'()*+,;=%@", rune(c)) {
			return false
		}
	}
	return true
}

// assignPath sets Path to the decoded p and RawPath to p when the default
// urlPart of Path would not give p back.
func (u *URL) assignPath(p string) error {
	path, err := decodePart(p, inPath)
	if err != nil {
		return err
	}
	u.Path = path
	if escaped := encodePart(path, inPath); p == escaped {
		u.RawPath = ""
	} else {
		u.RawPath = p
	}
	return nil
}

// EscapedPath is the encoded path: RawPath when it is a valid urlPart of
// Path, else Path encoded the default way.
func (u *URL) EscapedPath() string {
	if u.RawPath != "" && encodedOK(u.RawPath, inPath) {
		if p, err := decodePart(u.RawPath, inPath); err == nil && p == u.Path {
			return u.RawPath
		}
	}
	if u.Path == "*" {
		return "*" // the OPTIONS request target
	}
	return encodePart(u.Path, inPath)
}

// encodedOK: s has only bytes that may appear unescaped in the part.
func encodedOK(s string, part urlPart) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%':
		default:
			if mustEscape(c, part) {
				return false
			}
		}
	}
	return true
}

func (u *URL) assignFragment(f string) error {
	fragPart, err := decodePart(f, inFragment)
	if err != nil {
		return err
	}
	u.Fragment = fragPart
	if escaped := encodePart(fragPart, inFragment); f == escaped {
		u.RawFragment = ""
	} else {
		u.RawFragment = f
	}
	return nil
}

// EscapedFragment is the encoded fragment, RawFragment when valid.
func (u *URL) EscapedFragment() string {
	if u.RawFragment != "" && encodedOK(u.RawFragment, inFragment) {
		if f, err := decodePart(u.RawFragment, inFragment); err == nil && f == u.Fragment {
			return u.RawFragment
		}
	}
	return encodePart(u.Fragment, inFragment)
}

// String reassembles the URL in its encoded form.
func (u *URL) String() string {
	var b strings.Builder
	if u.Scheme != "" {
		b.WriteString(u.Scheme)
		b.WriteByte(':')
	}
	if u.Opaque != "" {
		b.WriteString(u.Opaque)
	} else {
		if u.Scheme != "" || u.Host != "" || u.User != nil {
			if u.OmitHost && u.Host == "" && u.User == nil {
				// scheme:/path
			} else {
				if u.Host != "" || u.Path != "" || u.User != nil {
					b.WriteString("//")
				}
				if ui := u.User; ui != nil {
					b.WriteString(ui.String())
					b.WriteByte('@')
				}
				if h := u.Host; h != "" {
					b.WriteString(encodePart(h, inHost))
				}
			}
		}
		p := u.EscapedPath()
		if p != "" && p[0] != '/' && u.Host != "" {
			b.WriteByte('/')
		}
		if b.Len() == 0 {
			// A relative path whose first segment has a colon would read as a scheme.
			if seg, _, _ := strings.Cut(p, "/"); strings.Contains(seg, ":") {
				b.WriteString("./")
			}
		}
		b.WriteString(p)
	}
	if u.ForceQuery || u.RawQuery != "" {
		b.WriteByte('?')
		b.WriteString(u.RawQuery)
	}
	if u.Fragment != "" {
		b.WriteByte('#')
		b.WriteString(u.EscapedFragment())
	}
	return b.String()
}

// Redacted is String with the password shown as "xxxxx".
func (u *URL) Redacted() string {
	if u == nil {
		return ""
	}
	if _, has := u.User.Password(); has {
		copied := *u
		copied.User = UserPassword(u.User.Username(), "xxxxx")
		return copied.String()
	}
	return u.String()
}

// IsAbs reports whether the URL has a scheme.
func (u *URL) IsAbs() bool { return u.Scheme != "" }

// Query parses RawQuery, dropping malformed pairs.
func (u *URL) Query() Values {
	v, _ := ParseQuery(u.RawQuery)
	return v
}

// RequestURI is what goes on an HTTP request line: the encoded path (or
// opaque part) and the query.
func (u *URL) RequestURI() string {
	result := u.Opaque
	if result == "" {
		result = u.EscapedPath()
		if result == "" {
			result = "/"
		}
	} else if strings.HasPrefix(result, "//") {
		result = u.Scheme + ":" + result
	}
	if u.ForceQuery || u.RawQuery != "" {
		result += "?" + u.RawQuery
	}
	return result
}

// Hostname is Host without its port and IPv6 brackets.
func (u *URL) Hostname() string {
	h, _ := hostAndPort(u.Host)
	return h
}

// Port is the port of Host, or "".
func (u *URL) Port() string {
	_, port := hostAndPort(u.Host)
	return port
}

func hostAndPort(hp string) (h, port string) {
	h = hp
	if i := strings.LastIndexByte(h, ':'); i >= 0 && validPort(h[i:]) {
		h, port = h[:i], h[i+1:]
	}
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	return
}

// Parse parses ref in the context of u (ResolveReference of the result).
func (u *URL) Parse(ref string) (*URL, error) {
	r, err := Parse(ref)
	if err != nil {
		return nil, err
	}
	return u.ResolveReference(r), nil
}

// ResolveReference resolves ref against u, after RFC 3986 section 5.2.
func (u *URL) ResolveReference(ref *URL) *URL {
	url := *ref
	if ref.Scheme == "" {
		url.Scheme = u.Scheme
	}
	if ref.Scheme != "" || ref.Host != "" || ref.User != nil {
		url.assignPath(mergePaths(ref.EscapedPath(), ""))
		return &url
	}
	if ref.Opaque != "" {
		url.User = nil
		url.Host = ""
		url.Path = ""
		return &url
	}
	if ref.Path == "" && !ref.ForceQuery && ref.RawQuery == "" {
		url.RawQuery = u.RawQuery
		if ref.Fragment == "" {
			url.Fragment = u.Fragment
			url.RawFragment = u.RawFragment
		}
	}
	url.Host = u.Host
	url.User = u.User
	url.assignPath(mergePaths(u.EscapedPath(), ref.EscapedPath()))
	return &url
}

// mergePaths merges ref onto base's directory and removes "." and ".."
// segments, keeping a final slash where the input had one.
func mergePaths(base, ref string) string {
	var full string
	if ref == "" {
		full = base
	} else if ref[0] != '/' {
		i := strings.LastIndex(base, "/")
		full = base[:i+1] + ref
	} else {
		full = ref
	}
	if full == "" {
		return ""
	}
	var out []string
	segs := strings.Split(full, "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, seg)
		}
	}
	r := strings.Join(out, "/")
	if !strings.HasPrefix(r, "/") {
		r = "/" + r
	}
	if len(r) > 1 && r[1] == '/' {
		r = r[1:] // never "//", which would read as a host
	}
	return r
}

// JoinPath returns u with the elements joined onto its path and cleaned.
func (u *URL) JoinPath(elem ...string) *URL {
	elem = append([]string{u.EscapedPath()}, elem...)
	p := path.Join(elem...)
	if strings.HasSuffix(elem[len(elem)-1], "/") && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	url := *u
	url.assignPath(p)
	return &url
}

// Values maps a query's keys to their values, in order of appearance.
type Values map[string][]string

// Get is the first value of key, or "".
func (v Values) Get(key string) string {
	if vs := v[key]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Set makes value the only value of key.
func (v Values) Set(key, value string) { v[key] = []string{value} }

// Add appends value to key's values.
func (v Values) Add(key, value string) { v[key] = append(v[key], value) }

// Del removes key.
func (v Values) Del(key string) { delete(v, key) }

// Has reports whether key is set.
func (v Values) Has(key string) bool {
	_, has := v[key]
	return has
}

// Encode is "k=v&k2=v2", escaped, keys sorted.
func (v Values) Encode() string {
	if v == nil {
		return ""
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		ek := QueryEscape(k)
		for _, val := range v[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(ek)
			b.WriteByte('=')
			b.WriteString(QueryEscape(val))
		}
	}
	return b.String()
}

// ParseQuery parses "k=v&k2=v2" into Values; it keeps the pairs it can and
// returns the first error (a ';' separator is one).
func ParseQuery(query string) (Values, error) {
	m := make(Values)
	err := addQuery(m, query)
	return m, err
}

func addQuery(m Values, query string) (err error) {
	for query != "" {
		var pair string
		pair, query, _ = strings.Cut(query, "&")
		if strings.Contains(pair, ";") {
			if err == nil {
				err = errors.New("invalid semicolon separator in query")
			}
			continue
		}
		if pair == "" {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, e := QueryUnescape(key)
		if e != nil {
			if err == nil {
				err = e
			}
			continue
		}
		value, e = QueryUnescape(value)
		if e != nil {
			if err == nil {
				err = e
			}
			continue
		}
		m[key] = append(m[key], value)
	}
	return err
}

// JoinPath parses base and joins the elements onto its path.
func JoinPath(base string, elem ...string) (result string, err error) {
	url, err := Parse(base)
	if err != nil {
		return
	}
	return url.JoinPath(elem...).String(), nil
}
