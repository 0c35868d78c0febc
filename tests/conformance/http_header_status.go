package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	h := http.Header{}
	h.Add("content-type", "text/plain")
	h.Add("X-MULTI", "one")
	h.Add("x-multi", "two")
	h.Set("accept-encoding", "gzip")
	h["lower-raw"] = []string{"kept as is"}
	fmt.Println(h.Get("Content-Type"), h.Values("X-Multi"), h.Get("missing") == "", h.Get("lower-raw") == "", len(h))
	c := h.Clone()
	c.Del("X-Multi")
	fmt.Println(len(h), len(c), c.Values("x-multi") == nil)
	h.Set("Folded", "line one\nline two\r")
	h.Write(os.Stdout)
	for _, k := range []string{"content-type", "X-FORWARDED-FOR", "www-authenticate", "a b", "foo_bar", "-x-", ""} {
		fmt.Printf("%q ", http.CanonicalHeaderKey(k))
	}
	fmt.Println()
	for _, code := range []int{100, 200, 201, 204, 301, 302, 304, 307, 400, 401, 404, 405, 418, 431, 500, 501, 503, 999} {
		fmt.Printf("%d %q\n", code, http.StatusText(code))
	}
	fmt.Println(http.MethodGet, http.MethodPost, http.MethodDelete, http.TimeFormat, http.DefaultMaxHeaderBytes)
	for _, s := range []http.ConnState{http.StateNew, http.StateActive, http.StateIdle, http.StateHijacked, http.StateClosed, 9} {
		fmt.Print(s, " ")
	}
	fmt.Println()
	for _, v := range []string{"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1", "http/1.1", "HTTP/1.10"} {
		major, minor, ok := http.ParseHTTPVersion(v)
		fmt.Println(v, major, minor, ok)
	}
	req, err := http.NewRequest("GET", "http://example.com:80/path?q=1", nil)
	fmt.Println(req.Host, req.URL.Host, req.Proto, req.ContentLength, req.Body == nil, err)
	_, err = http.NewRequest("BAD METHOD", "http://x/", nil)
	fmt.Println(err)
	_, err = http.NewRequest("GET", "http://x/%zz", nil)
	fmt.Println(err)
	fmt.Println(http.ErrServerClosed, http.ErrHandlerTimeout, http.ErrBodyReadAfterClose, http.ErrHijacked, http.ErrUseLastResponse)
}
