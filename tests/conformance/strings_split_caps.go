package main

import (
	"fmt"
	"strings"
)

func main() {
	cases := []struct {
		s, sep string
		n      int
	}{
		{"a,b,c", ",", -1}, {"a,b,c", ",", 2}, {"a,b,c", ",", 0}, {"a,b,c", ",", 1}, {"a,b,c", ",", 10},
		{"", ",", -1}, {"abc", "", -1}, {"abc", "", 2}, {"a\xffb", "", -1}, {",,", ",", -1}, {"héllo", "l", -1},
		{"x", "x", 5}, {"aaaa", "aa", -1}, {"abc", "abcd", -1},
	}
	for _, c := range cases {
		p := strings.SplitN(c.s, c.sep, c.n)
		q := strings.SplitAfterN(c.s, c.sep, c.n)
		fmt.Printf("%q %q %d: %q len=%d cap=%d | %q cap=%d\n", c.s, c.sep, c.n, p, len(p), cap(p), q, cap(q))
	}
	fmt.Printf("%q %q\n", strings.Split("a b  c", " "), strings.SplitAfter("1.2.3", "."))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasPrefix("go", "golang"), strings.HasSuffix("golang", "ng"), strings.HasSuffix("", ""), strings.HasSuffix("g", "ng"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.Index("", ""), strings.Index("ab", "abc"), strings.LastIndexByte("abcabc", 'b'), strings.LastIndexByte("", 'b'))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("héllo", ""), strings.ContainsAny("failure", "ui"), strings.ContainsAny("foo", ""))
	b, a, f := strings.Cut("key=value=x", "=")
	fmt.Println(b, a, f)
	b, a, f = strings.Cut("novalue", "=")
	fmt.Printf("%q %q %v\n", b, a, f)
	fmt.Println(strings.ToUpper("héllo wörld"), strings.ToLower("HÉLLO"), strings.ToTitle("ǆemal"), strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	fmt.Println(strings.ReplaceAll("oink oink oink", "k", "ky"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("body.go", ".go"), strings.TrimSuffix("a", "long"))
}
