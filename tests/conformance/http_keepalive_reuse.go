package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
)

func main() {
	var mu sync.Mutex
	conns := map[string]int{}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conns[r.RemoteAddr]++
		mu.Unlock()
		if r.URL.Query().Get("close") == "1" {
			w.Header().Set("Connection", "close")
		}
		fmt.Fprintf(w, "request %s", r.URL.RawQuery)
	}))
	defer ts.Close()
	get := func(c *http.Client, q string, drain bool) {
		resp, err := c.Get(ts.URL + "/?" + q)
		if err != nil {
			panic(err)
		}
		if drain {
			io.ReadAll(resp.Body)
		}
		resp.Body.Close()
	}
	report := func(what string) {
		mu.Lock()
		var counts []string
		for _, n := range conns {
			counts = append(counts, fmt.Sprint(n))
		}
		sort.Strings(counts)
		fmt.Printf("%-40s connections: %d, requests per connection: %s\n", what, len(conns), strings.Join(counts, " "))
		conns = map[string]int{}
		mu.Unlock()
	}
	c := ts.Client()
	for i := 0; i < 5; i++ {
		get(c, fmt.Sprint("n=", i), true)
	}
	report("five sequential GETs, bodies read")
	for i := 0; i < 3; i++ {
		get(c, fmt.Sprint("n=", i), false)
	}
	report("bodies closed unread")
	get(c, "close=1", true)
	get(c, "after=close", true)
	report("server says Connection: close")
	nk := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 3; i++ {
		get(nk, "nokeep", true)
	}
	report("DisableKeepAlives")
	req, _ := http.NewRequest("GET", ts.URL+"/?reqclose", nil)
	req.Close = true
	resp, err := c.Do(req)
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	get(c, "next", true)
	report("Request.Close then another")
	states := map[http.ConnState]int{}
	ts2 := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	ts2.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		mu.Lock()
		states[s]++
		mu.Unlock()
	}
	ts2.Start()
	for i := 0; i < 4; i++ {
		resp, err := ts2.Client().Get(ts2.URL)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
	}
	ts2.Close()
	fmt.Println(states[http.StateNew], states[http.StateActive], states[http.StateIdle], states[http.StateClosed])
}
