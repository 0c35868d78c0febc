package main

import (
	"bytes"
	"fmt"
)

func main() {
	a := []byte("hello")
	b := []byte("hello")
	fmt.Println(bytes.Equal(a, b), bytes.Equal(a[:4], b), bytes.Equal(nil, []byte{}))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('-')
	buf.Write([]byte{'x', 'y'})
	fmt.Fprintf(&buf, "%d", 42)
	fmt.Println(buf.String(), buf.Len())
}
