package main

import (
	"fmt"
	"net/url"
	"path"
)

func main() {
	for _, s := range []string{"http://user:p%40ss@example.com:8080/a/b%2Fc/d?x=1&y=%20z#frag%20x",
		"https://[::1%25en0]:443/p", "/just/a/path?q", "mailto:joe@example.com", "http://a b.com/", "http://x.com/%zz",
		"rel/path", "a:b/c", "//host/p", "http://h/?", "http://h:abc/", "*", "", "%gh&%ij", "http://[::1/", "ftp://h/\x01",
		"HTTP://Example.COM/./a/../b/", "http://h/a;b,c/d=e?f=g;h"} {
		u, err := url.Parse(s)
		if err != nil {
			fmt.Println("err:", err)
			continue
		}
		fmt.Printf("%q %q %q %q %q %q %q %v %q %q | %s | %s | %s %s\n", u.Scheme, u.Opaque, u.User.String(), u.Host, u.Path, u.RawPath, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment, u.String(), u.RequestURI(), u.Hostname(), u.Port())
	}
	for _, s := range []string{"/a/b", "http://h/x", "/", "", "not a uri", "http://h"} {
		u, err := url.ParseRequestURI(s)
		fmt.Println(u, err)
	}
	q, err := url.ParseQuery("a=1&b=2&a=3&c&d=%41+b&e=x;y&f=%zz")
	fmt.Println(q, err, q.Encode(), q.Get("a"), q.Has("c"))
	fmt.Println(url.QueryEscape("a b/c?d=e&f+g~h_ü"), url.PathEscape("a b/c?d=e&f+g;h,ü"))
	for _, s := range []string{"a+b%20c", "%4", "%41%42", "100%"} {
		a, e1 := url.QueryUnescape(s)
		b, e2 := url.PathUnescape(s)
		fmt.Printf("%q %v %q %v\n", a, e1, b, e2)
	}
	base, _ := url.Parse("http://h/a/b/c?q=1#f")
	for _, r := range []string{"d", "../d", "../../../d", "/x/./y/../z", "?n=2", "#g", "", "//other/p", "./", "..", "https:x"} {
		u, _ := base.Parse(r)
		fmt.Println(u)
	}
	v := url.Values{}
	v.Set("name", "Ava Smith")
	v.Add("friend", "Jess")
	v.Add("friend", "Sarah & Zoe")
	v.Del("none")
	fmt.Println(v.Encode())
	fmt.Println(path.Clean("a//b/./c/.."), path.Clean("/../a"), path.Clean("../../x/.."), path.Join("a", "", "b/", "../c"), path.Base("/a/b/"), path.Dir("/a/b"), path.Ext("x.tar.gz"))
	j, err := url.JoinPath("http://h/a/", "b", "../c/")
	fmt.Println(j, err)
	u2 := &url.URL{Scheme: "http", Host: "h", Path: "/a b", RawQuery: "x=1"}
	fmt.Println(u2, u2.EscapedPath(), u2.Redacted())
}
