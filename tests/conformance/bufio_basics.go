package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

func main() {
	r := bufio.NewReaderSize(strings.NewReader("hello world\nsecond line\r\nthird"), 16)
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err != nil {
			break
		}
	}
	sc := bufio.NewScanner(strings.NewReader("a bb  ccc\n dddd é"))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 4)
	fmt.Fprintf(w, "x=%d y=%s", 42, "long string")
	fmt.Println(buf.Len(), w.Buffered())
	w.Flush()
	fmt.Println(buf.String())
	b, _ := io.ReadAll(io.MultiReader(strings.NewReader("ab"), bytes.NewReader([]byte("cd")), io.LimitReader(strings.NewReader("efgh"), 2)))
	fmt.Println(string(b))
}
