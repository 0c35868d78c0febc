package http

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"
)

// A ServeMux routes requests by their path with Go 1.19's rules: a pattern
// is a fixed path ("/favicon.ico") or, ending in '/', a subtree
// ("/images/"); the longest matching pattern wins; a pattern may start with
// a host name to match only that host. A request for a subtree without its
// slash ("/images") is redirected to it, and an unclean path ("/a/../b")
// to its clean form.
type ServeMux struct {
	mu       sync.RWMutex
	exact    map[string]Handler
	subtrees []string // patterns ending in '/', longest first
	withHost bool     // some pattern starts with a host
}

// NewServeMux returns an empty ServeMux.
func NewServeMux() *ServeMux { return new(ServeMux) }

// DefaultServeMux is what Handle and HandleFunc register with, and what a
// Server without a Handler serves.
var DefaultServeMux = &defaultServeMux

var defaultServeMux ServeMux

// Handle registers handler for pattern; an empty pattern, a nil handler or
// a second registration of a pattern panic.
func (mux *ServeMux) Handle(pattern string, handler Handler) {
	mux.mu.Lock()
	defer mux.mu.Unlock()
	if pattern == "" {
		panic("http: invalid pattern")
	}
	if handler == nil {
		panic("http: nil handler")
	}
	if _, taken := mux.exact[pattern]; taken {
		panic("http: multiple registrations for " + pattern)
	}
	if mux.exact == nil {
		mux.exact = make(map[string]Handler)
	}
	mux.exact[pattern] = handler
	if strings.HasSuffix(pattern, "/") {
		mux.subtrees = append(mux.subtrees, pattern)
		sort.SliceStable(mux.subtrees, func(i, j int) bool { return len(mux.subtrees[i]) > len(mux.subtrees[j]) })
	}
	if pattern[0] != '/' {
		mux.withHost = true
	}
}

// HandleFunc registers a function as the handler for pattern.
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	if handler == nil {
		panic("http: nil handler")
	}
	mux.Handle(pattern, HandlerFunc(handler))
}

// Handle registers handler for pattern with DefaultServeMux.
func Handle(pattern string, handler Handler) { DefaultServeMux.Handle(pattern, handler) }

// HandleFunc registers handler for pattern with DefaultServeMux.
func HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {
	DefaultServeMux.HandleFunc(pattern, handler)
}

// lookup finds the handler of the longest pattern matching p.
func (mux *ServeMux) lookup(p string) (Handler, string) {
	if h, has := mux.exact[p]; has {
		return h, p
	}
	for _, pattern := range mux.subtrees {
		if strings.HasPrefix(p, pattern) {
			return mux.exact[pattern], pattern
		}
	}
	return nil, ""
}

// route finds the handler for host and path: host-specific patterns first.
func (mux *ServeMux) route(host, p string) (Handler, string) {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	var h Handler
	var pattern string
	if mux.withHost {
		h, pattern = mux.lookup(host + p)
	}
	if h == nil {
		h, pattern = mux.lookup(p)
	}
	if h == nil {
		return NotFoundHandler(), ""
	}
	return h, pattern
}

// needsSlash reports whether p is a subtree's name without its slash and
// has no pattern of its own.
func (mux *ServeMux) needsSlash(host, p string) bool {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	for _, candidate := range []string{p, host + p} {
		if _, has := mux.exact[candidate]; has {
			return false
		}
	}
	if p == "" {
		return false
	}
	for _, candidate := range []string{p + "/", host + p + "/"} {
		if _, has := mux.exact[candidate]; has {
			return true
		}
	}
	return false
}

// Handler returns the handler for r and its pattern: a redirect for a
// subtree without its slash or an unclean path, NotFound's with pattern ""
// when nothing matches.
func (mux *ServeMux) Handler(r *Request) (h Handler, pattern string) {
	if r.Method == "CONNECT" {
		if mux.needsSlash(r.URL.Host, r.URL.Path) {
			u := &url.URL{Path: r.URL.Path + "/", RawQuery: r.URL.RawQuery}
			return RedirectHandler(u.String(), StatusMovedPermanently), u.Path
		}
		return mux.route(r.Host, r.URL.Path)
	}
	host := hostWithoutPort(r.Host)
	clean := cleanPath(r.URL.Path)
	if mux.needsSlash(host, clean) {
		u := &url.URL{Path: clean + "/", RawQuery: r.URL.RawQuery}
		return RedirectHandler(u.String(), StatusMovedPermanently), u.Path
	}
	if clean != r.URL.Path {
		_, pattern = mux.route(host, clean)
		u := &url.URL{Path: clean, RawQuery: r.URL.RawQuery}
		return RedirectHandler(u.String(), StatusMovedPermanently), pattern
	}
	return mux.route(host, r.URL.Path)
}

// ServeHTTP sends r to the handler whose pattern matches best; a request
// for "*" gets 400.
func (mux *ServeMux) ServeHTTP(w ResponseWriter, r *Request) {
	if r.RequestURI == "*" {
		if r.ProtoAtLeast(1, 1) {
			w.Header().Set("Connection", "close")
		}
		w.WriteHeader(StatusBadRequest)
		return
	}
	h, _ := mux.Handler(r)
	h.ServeHTTP(w, r)
}

// cleanPath is path.Clean rooted at '/', keeping a final slash.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean
}

// hostWithoutPort drops ":port" from a Host value.
func hostWithoutPort(h string) string {
	if !strings.Contains(h, ":") {
		return h
	}
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h[i:], "]") {
		return h[:i]
	}
	return h
}

// Redirect replies with a redirect to target (made absolute against r's
// path when relative) and code; a GET gets a short HTML body with the link.
func Redirect(w ResponseWriter, r *Request, target string, code int) {
	if u, err := url.Parse(target); err == nil && u.Scheme == "" && u.Host == "" {
		current := r.URL.Path
		if current == "" {
			current = "/"
		}
		if target == "" || target[0] != '/' {
			dir, _ := path.Split(current)
			target = dir + target
		}
		query := ""
		if i := strings.Index(target, "?"); i >= 0 {
			target, query = target[:i], target[i:]
		}
		slash := strings.HasSuffix(target, "/")
		target = path.Clean(target)
		if slash && !strings.HasSuffix(target, "/") {
			target += "/"
		}
		target += query
	}
	h := w.Header()
	_, hadType := h["Content-Type"]
	h.Set("Location", escapeNonASCII(target))
	if !hadType && (r.Method == "GET" || r.Method == "HEAD") {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	w.WriteHeader(code)
	if !hadType && r.Method == "GET" {
		fmt.Fprintln(w, "<a href=\""+escapeHTML(target)+"\">"+StatusText(code)+"</a>.\n")
	}
}

// escapeNonASCII %-escapes the bytes of s above 0x7F.
func escapeNonASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02x", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeHTML escapes the five characters special in HTML.
func escapeHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

type redirectHandler struct {
	target string
	code   int
}

func (rh *redirectHandler) ServeHTTP(w ResponseWriter, r *Request) {
	Redirect(w, r, rh.target, rh.code)
}

// RedirectHandler redirects every request to target with code.
func RedirectHandler(target string, code int) Handler { return &redirectHandler{target, code} }

// StripPrefix serves h with prefix removed from the request's path (and
// raw path); a request without the prefix gets NotFound.
func StripPrefix(prefix string, h Handler) Handler {
	if prefix == "" {
		return h
	}
	return HandlerFunc(func(w ResponseWriter, r *Request) {
		p := strings.TrimPrefix(r.URL.Path, prefix)
		rp := strings.TrimPrefix(r.URL.RawPath, prefix)
		if len(p) < len(r.URL.Path) && (r.URL.RawPath == "" || len(rp) < len(r.URL.RawPath)) {
			r2 := new(Request)
			*r2 = *r
			r2.URL = new(url.URL)
			*r2.URL = *r.URL
			r2.URL.Path = p
			r2.URL.RawPath = rp
			h.ServeHTTP(w, r2)
		} else {
			NotFound(w, r)
		}
	})
}
