package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
)

// slowReader hides its length, so the client must send it chunked.
type slowReader struct{ parts []string }

func (s *slowReader) Read(p []byte) (int, error) {
	if len(s.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.parts[0])
	s.parts = s.parts[1:]
	return n, nil
}

func main() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/upload":
			b, err := io.ReadAll(r.Body)
			fmt.Fprintf(w, "len=%d te=%v body=%q err=%v", r.ContentLength, r.TransferEncoding, b, err)
		case "/form":
			err := r.ParseForm()
			fmt.Fprintf(w, "err=%v form=%v post=%v q=%q", err, r.Form, r.PostForm, r.URL.Query().Get("q"))
		case "/stream":
			f := w.(http.Flusher)
			for i := 0; i < 3; i++ {
				fmt.Fprintf(w, "line %d\n", i)
				f.Flush()
			}
		case "/head":
			w.Header().Set("Content-Length", "42")
		}
	}))
	defer ts.Close()
	c := ts.Client()
	show := func(resp *http.Response, err error) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%s len=%d te=%v %q\n", resp.Status, resp.ContentLength, resp.TransferEncoding, b)
	}
	show(c.Post(ts.URL+"/upload", "text/plain", &slowReader{[]string{"one ", "two ", "three"}}))
	show(c.Post(ts.URL+"/upload", "text/plain", &slowReader{}))
	show(c.Post(ts.URL+"/upload", "text/plain", strings.NewReader("known length")))
	req, _ := http.NewRequest("PUT", ts.URL+"/upload", io.MultiReader(strings.NewReader("multi"), strings.NewReader("reader")))
	show(c.Do(req))
	show(c.PostForm(ts.URL+"/form?q=query&a=0", url.Values{"a": {"1", "2"}, "b": {"x y"}}))
	show(c.Post(ts.URL+"/form", "application/x-www-form-urlencoded", strings.NewReader("bad=%zz&ok=1")))
	show(c.Post(ts.URL+"/form", "text/plain", strings.NewReader("a=1")))
	show(c.Get(ts.URL + "/stream"))
	show(c.Head(ts.URL + "/head"))
	resp, _ := c.Get(ts.URL + "/stream")
	buf := make([]byte, 4)
	n, _ := resp.Body.Read(buf)
	resp.Body.Close()
	_, err := resp.Body.Read(buf)
	fmt.Printf("%q %v\n", buf[:n], err)
}
