package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  The quick  brown fox  "
	fmt.Printf("%q\n", strings.TrimSpace(s))
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","))
	fmt.Println(strings.Contains("seafood", "foo"), strings.Contains("", ""), strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("chicken", "dmr"), strings.Index("日本語", "語"))
	fmt.Println(strings.Repeat("ab", 4), strings.Repeat("x", 0) == "")
	fmt.Println(strings.ToUpper("héllo"), strings.ToLower("ÀB"), strings.Replace("oink oink oink", "k", "ky", 2))
	var b strings.Builder
	for i := 0; i < 3; i++ {
		b.WriteString("n")
		b.WriteByte('0' + byte(i))
		b.WriteRune('é')
	}
	fmt.Println(b.String(), b.Len())
}
