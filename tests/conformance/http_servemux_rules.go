package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

func main() {
	mux := http.NewServeMux()
	say := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "%s handled %s", name, r.URL.Path) }
	}
	mux.Handle("/", say("root"))
	mux.Handle("/images/", say("images"))
	mux.Handle("/images/thumbs/", say("thumbs"))
	mux.Handle("/exact", say("exact"))
	mux.Handle("/both", say("both-bare"))
	mux.Handle("/both/", say("both-tree"))
	mux.Handle("example.org/images/", say("host-images"))
	for _, t := range []struct{ host, target string }{
		{"x.com", "/"},
		{"x.com", "/nothing/here"},
		{"x.com", "/images/a.png"},
		{"x.com", "/images/thumbs/b.png"},
		{"x.com", "/images"},
		{"x.com", "/images?size=2"},
		{"x.com", "/exact"},
		{"x.com", "/exact/"},
		{"x.com", "/both"},
		{"x.com", "/both/x"},
		{"x.com", "/a/../images/./c"},
		{"x.com", "/images//d"},
		{"example.org", "/images/e"},
		{"example.org:8080", "/images/f"},
	} {
		r := httptest.NewRequest("GET", t.target, nil)
		r.Host = t.host
		h, pattern := mux.Handler(r)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Printf("%-22s %-18q %d %q loc=%q %q\n", t.host+t.target, pattern, w.Code, w.Body.String(), w.Header().Get("Location"), w.Header().Get("Content-Type"))
	}
	empty := http.NewServeMux()
	w := httptest.NewRecorder()
	empty.ServeHTTP(w, httptest.NewRequest("GET", "/x", nil))
	fmt.Printf("%d %q %v\n", w.Code, w.Body.String(), w.Header())
	for _, bad := range []func(){
		func() { mux.Handle("", say("x")) },
		func() { mux.Handle("/y", nil) },
		func() { mux.Handle("/exact", say("again")) },
		func() { mux.HandleFunc("/z", nil) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			bad()
		}()
	}
	// Redirect with relative targets, a query and non-ASCII.
	for _, target := range []string{"other", "../up/", "/abs?q=1", "http://elsewhere.com/x", "sub/ü"} {
		w := httptest.NewRecorder()
		http.Redirect(w, httptest.NewRequest("GET", "/dir/page", nil), target, http.StatusFound)
		fmt.Printf("%d %q %q\n", w.Code, w.Header().Get("Location"), w.Body.String())
	}
	w = httptest.NewRecorder()
	http.Redirect(w, httptest.NewRequest("POST", "/p", nil), "/q", http.StatusSeeOther)
	fmt.Printf("%d %q %q %q\n", w.Code, w.Header().Get("Location"), w.Header().Get("Content-Type"), w.Body.String())
	w = httptest.NewRecorder()
	http.StripPrefix("/static", say("stripped")).ServeHTTP(w, httptest.NewRequest("GET", "/static/css/x.css", nil))
	fmt.Println(w.Body.String())
}
