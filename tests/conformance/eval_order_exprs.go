package main

import "fmt"

var tr []string

func t(s string) int { tr = append(tr, s); return len(tr) % 2 }
func ts(s string) string { tr = append(tr, s); return s }
func sl(s string) []int { tr = append(tr, s); return []int{1, 2, 3, 4} }
func pt(s string) *P { tr = append(tr, s); return &P{} }
func fn(s string) func(int, int) int {
	tr = append(tr, s)
	return func(a, b int) int { tr = append(tr, "call"+s); return a + b }
}
func two(s string) (int, int) { tr = append(tr, s); return 1, 0 }

type P struct{ x, y int }

func (p *P) M(a int) *P { tr = append(tr, fmt.Sprint("M", a)); return p }
func (p P) V(a int) P   { tr = append(tr, fmt.Sprint("V", a)); return p }

type I interface{ M(int) *P }

func show(label string) {
	fmt.Println(label, tr)
	tr = nil
}

func main() {
	_ = t("a") + t("b")*t("c")
	show("binary")
	_ = []int{t("a"), t("b"), t("c")}
	show("slicelit")
	_ = map[int]int{t("a"): t("b"), t("c"): t("d")}
	show("maplit")
	_ = P{t("a"), t("b")}
	show("structlit")
	_ = P{y: t("a"), x: t("b")}
	show("structlit-keyed")
	_ = sl("a")[t("b"):t("c")]
	show("slice")
	_ = sl("a")[t("b")]
	show("index")
	_ = ts("a") + ts("b") + ts("c")
	show("concat")
	_ = ts("a") < ts("b")
	show("compare")
	pt("a").M(t("b")).M(t("c"))
	show("methodchain")
	var i I = pt("x")
	tr = nil
	i.M(t("a")).M(t("b"))
	show("ifacechain")
	pt("a").V(t("b")).V(t("c"))
	show("valuechain")
	fn("a")(t("b"), t("c"))
	show("closurecall")
	_ = append(sl("a"), t("b"), t("c"))
	show("append")
	x := []int{0, 0}
	copy(sl("a")[t("b"):], x[t("c"):])
	show("copy")
	m := map[int]int{}
	m[t("a")] += t("b")
	show("mapopassign")
	a := [2]int{}
	a[t("a")], a[t("b")] = two("c")
	show("tuple")
	var ch = make(chan int, 3)
	ch <- t("a")
	ch <- t("b")
	_ = <-ch + t("c")
	show("recv")
	func(a, b int) {}(t("a"), t("b"))
	show("funclit")
	defer func(a, b int) { show("deferred") }(t("a"), t("b"))
	show("defer")
	s := sl("z")
	tr = nil
	s[t("a")], s[t("b")] = t("c"), t("d")
	show("parallel")
	if t("a") == 0 && t("b") == 1 || t("c") == 0 {
	}
	show("andor")
	switch t("a") {
	case t("b"), t("c"):
	case t("d"):
	}
	show("switch")
	var arr [3]int
	arr[t("a")] = len(sl("b")) + t("c")
	show("arrayassign")
	pp := &P{}
	pp.x, pp.y = t("a"), t("b")
	show("fields")
	k := fmt.Sprint(t("a"), t("b"))
	_ = k
	show("variadic")
	z := []interface{}{t("a"), ts("b")}
	_ = z
	show("ifacelit")
	var fs [2]func(int) int
	fs[0] = func(int) int { return 0 }
	fs[t("a")%1](t("b"))
	show("callindex")
}
