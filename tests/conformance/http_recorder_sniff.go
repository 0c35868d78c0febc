package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

func main() {
	bodies := []string{"plain words", "<html><body>hi</body></html>", "  <!DOCTYPE html>", "<?xml version='1.0'?>", "%PDF-1.4", "GIF89a...", "\x89PNG\r\n\x1a\n", "\x00\x01binary", "", "\xef\xbb\xbfbom", "<p>para</p>", "<pre>no</pre>"}
	for _, b := range bodies {
		w := httptest.NewRecorder()
		w.WriteString(b)
		fmt.Printf("%q -> %q (Detect: %q)\n", b, w.Header().Get("Content-Type"), http.DetectContentType([]byte(b)))
	}
	w := httptest.NewRecorder()
	h := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Before", "1")
		w.WriteHeader(http.StatusTeapot)
		w.Header().Set("X-After", "2")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, "short and stout")
		w.(http.Flusher).Flush()
	}
	h(w, httptest.NewRequest("PUT", "http://golang.org/tea?cup=1", strings.NewReader("milk")))
	res := w.Result()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(w.Code, w.Flushed, res.Status, res.StatusCode, res.Proto, res.ContentLength, res.Header, string(body))
	fmt.Println(w.HeaderMap.Get("X-After"), res.Header.Get("X-After") == "")

	r := httptest.NewRequest("POST", "/form?a=1&b=2", strings.NewReader("a=3&c=4"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	fmt.Println(r.Method, r.Host, r.RemoteAddr, r.Proto, r.ContentLength, r.RequestURI, r.URL.Path)
	fmt.Println(r.FormValue("a"), r.FormValue("b"), r.FormValue("c"), r.PostFormValue("a"), r.PostFormValue("b") == "")
	fmt.Println(r.Form, r.PostForm)
	r2 := httptest.NewRequest("GET", "https://secure.example/x", nil)
	fmt.Println(r2.Host, r2.URL.Scheme, r2.URL.Host, r2.Body == http.NoBody, r2.ContentLength)
	w = httptest.NewRecorder()
	http.Error(w, "custom failure", http.StatusBadGateway)
	fmt.Printf("%d %q %q %q\n", w.Code, w.Body.String(), w.Header().Get("Content-Type"), w.Header().Get("X-Content-Type-Options"))
	w = httptest.NewRecorder()
	http.NotFound(w, r)
	fmt.Printf("%d %q\n", w.Code, w.Body.String())
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		httptest.NewRecorder().WriteHeader(42)
	}()
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		httptest.NewRequest("GET", "::bad", nil)
	}()
}
