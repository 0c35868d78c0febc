package main

import (
	"bytes"
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 5, "five")
	sb.WriteString("!")
	fmt.Println(sb.String(), sb.Len())
	var bb bytes.Buffer
	bb.WriteString("line1\n")
	fmt.Fprintln(&bb, "line2", 2)
	fmt.Print(bb.String())
	fmt.Println(bb.Len(), bytes.Equal(bb.Bytes()[:5], []byte("line1")))
}
