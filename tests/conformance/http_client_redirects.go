package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

func main() {
	var log []string
	var ts *httptest.Server
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		log = append(log, fmt.Sprintf("%s %s body=%q ref=%q x=%q", r.Method, r.URL.RequestURI(), body, strings.Replace(r.Referer(), ts.URL, "URL", 1), r.Header.Get("X-Custom")))
		switch r.URL.Path {
		case "/301":
			http.Redirect(w, r, "/final?from=301", http.StatusMovedPermanently)
		case "/302":
			http.Redirect(w, r, "relative", http.StatusFound)
		case "/303":
			http.Redirect(w, r, "/final", http.StatusSeeOther)
		case "/307":
			http.Redirect(w, r, "/final", http.StatusTemporaryRedirect)
		case "/308":
			http.Redirect(w, r, "/final", http.StatusPermanentRedirect)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/noloc":
			w.WriteHeader(http.StatusFound)
		default:
			fmt.Fprintf(w, "final %s %s", r.Method, r.URL.Path)
		}
	}))
	defer ts.Close()
	c := ts.Client()
	show := func(resp *http.Response, err error) {
		if err != nil {
			fmt.Println("error:", strings.Replace(err.Error(), ts.URL, "URL", -1))
		}
		if resp != nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			fmt.Printf("%d %q final=%s\n", resp.StatusCode, b, strings.Replace(resp.Request.URL.String(), ts.URL, "URL", 1))
		}
		for _, l := range log {
			fmt.Println("  ", l)
		}
		log = nil
	}
	for _, p := range []string{"/301", "/302", "/303", "/307", "/308"} {
		req, _ := http.NewRequest("POST", ts.URL+p, strings.NewReader("payload"))
		req.Header.Set("X-Custom", "kept")
		show(c.Do(req))
	}
	show(c.Get(ts.URL + "/loop"))
	show(c.Get(ts.URL + "/noloc"))
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		return http.ErrUseLastResponse
	}
	show(c.Get(ts.URL + "/301"))
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 2 {
			return errors.New("enough")
		}
		return nil
	}
	show(c.Get(ts.URL + "/loop"))
	var ue interface{ Unwrap() error }
	_, err := c.Get(ts.URL + "/loop")
	fmt.Println(errors.As(err, &ue))
}
