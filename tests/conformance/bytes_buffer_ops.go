package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

type shortWriter struct{ max int }

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.max {
		return w.max, nil
	}
	return len(p), nil
}

// chunks reads left bytes of 'y', at most 300 a Read.
type chunks struct{ left int }

func (c *chunks) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := len(p)
	if n > 300 {
		n = 300
	}
	if n > c.left {
		n = c.left
	}
	for i := 0; i < n; i++ {
		p[i] = 'y'
	}
	c.left -= n
	return n, nil
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 1, errors.New("disk full") }

func main() {
	var b bytes.Buffer
	fmt.Println(b.Len(), b.Cap(), b.String() == "", (*bytes.Buffer)(nil).String())
	for i := 0; i < 12; i++ {
		b.WriteString("abcdefghij")
		b.WriteByte('!')
		fmt.Print(b.Len(), "/", b.Cap(), " ")
		p := make([]byte, 7)
		n, _ := b.Read(p)
		fmt.Print(n, "/", b.Len(), "/", b.Cap(), " ")
	}
	fmt.Println()
	b.Reset()
	b.Grow(10)
	fmt.Println(b.Len(), b.Cap())
	b.Grow(1000)
	fmt.Println(b.Len(), b.Cap())

	c := bytes.NewBufferString("héllo, wörld\nsecond line\nthird")
	r, size, err := c.ReadRune()
	fmt.Println(string(r), size, err)
	r, size, err = c.ReadRune()
	fmt.Println(string(r), size, err, c.UnreadRune(), c.UnreadRune(), c.UnreadByte())
	r, size, _ = c.ReadRune()
	fmt.Println(string(r), size)
	line, err := c.ReadString('\n')
	fmt.Printf("%q %v %v\n", line, err, c.UnreadByte())
	lb, err := c.ReadBytes('\n')
	fmt.Printf("%q %v\n", lb, err)
	lb, err = c.ReadBytes('\n')
	fmt.Printf("%q %v %d\n", lb, err, c.Len())
	lb, err = c.ReadBytes('\n')
	fmt.Printf("%q %v %v\n", lb, err, lb == nil)
	_, _, err = c.ReadRune()
	fmt.Println(err, c.UnreadRune())

	d := bytes.NewBuffer([]byte("0123456789"))
	fmt.Printf("%q %q %d\n", d.Next(3), d.Next(100), d.Len())
	fmt.Println(d.UnreadByte(), d.Len())
	d.WriteRune('é')
	d.WriteRune(0x1F600)
	d.WriteRune(-1)
	fmt.Printf("%q\n", d.String())
	d.Truncate(2)
	fmt.Printf("%q\n", d.String())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		d.Truncate(5)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		d.Grow(-1)
	}()

	e := bytes.NewBufferString(strings.Repeat("x", 100))
	n, err := e.WriteTo(&shortWriter{40})
	fmt.Println(n, err, e.Len())
	n, err = e.WriteTo(failWriter{})
	fmt.Println(n, err, e.Len())

	var f bytes.Buffer
	n, err = f.ReadFrom(&chunks{left: 1500})
	fmt.Println(n, err, f.Len(), f.Cap())
	all, err := io.ReadAll(&f)
	fmt.Println(len(all), err)
	p := make([]byte, 4)
	k, err := f.Read(p)
	fmt.Println(k, err)
	k, err = f.Read(nil)
	fmt.Println(k, err)
}
