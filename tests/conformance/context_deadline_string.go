package main

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// mask replaces the two clock-dependent parts of every WithDeadline(T [L]) in a
// context's String by their signs, so the output does not depend on when the
// program runs: the deadline's text and the time left (its sign kept).
func mask(s string) string {
	const open = ".WithDeadline("
	out := ""
	for {
		i := strings.Index(s, open)
		if i < 0 {
			return out + s
		}
		out += s[:i+len(open)]
		s = s[i+len(open):]
		j := strings.Index(s, "])")
		if j < 0 {
			return out + "<malformed>" + s
		}
		k := strings.LastIndex(s[:j], " [")
		if k <= 0 {
			return out + "<malformed>" + s
		}
		left := s[k+2 : j]
		sign := "+"
		if strings.HasPrefix(left, "-") {
			sign = "-"
		}
		if strings.Trim(left, "-0123456789.hmµns") != "" {
			sign = "<not a duration: " + left + ">"
		}
		out += "T [" + sign + "])"
		s = s[j+2:]
	}
}

func main() {
	bg := context.Background()
	a, cancelA := context.WithTimeout(bg, time.Hour)
	defer cancelA()
	d, _ := a.Deadline()
	fmt.Println(mask(fmt.Sprint(a)), strings.Contains(fmt.Sprint(a), d.String()+" ["))
	b, cancelB := context.WithDeadline(context.WithValue(a, "k", 1), time.Now().Add(time.Minute))
	defer cancelB()
	fmt.Println(mask(fmt.Sprint(b)))
	// A later deadline than the parent's is a plain WithCancel.
	c, cancelC := context.WithTimeout(b, 2*time.Hour)
	defer cancelC()
	fmt.Println(mask(fmt.Sprint(c)))
	// A deadline already past: cancelled at once, the time left is negative.
	p, cancelP := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer cancelP()
	fmt.Println(mask(fmt.Sprint(p)), p.Err())
	// A deadline from time.Date has no monotonic reading.
	q, cancelQ := context.WithDeadline(bg, time.Date(2400, 1, 2, 3, 4, 5, 6, time.UTC))
	defer cancelQ()
	s := fmt.Sprint(q)
	fmt.Println(s[:strings.Index(s, " [")])
	fmt.Printf("%v|%s\n", mask(fmt.Sprint(context.WithValue(q, "k", "v"))), mask(fmt.Sprintf("%v", q)))
	cancelA()
	fmt.Println(mask(fmt.Sprint(a)), a.Err())
}
