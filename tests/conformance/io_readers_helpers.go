package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	sr := strings.NewReader("Hello, 世界!")
	fmt.Println(sr.Len(), sr.Size())
	buf := make([]byte, 5)
	n, err := sr.Read(buf)
	fmt.Println(n, err, string(buf[:n]), sr.Len())
	r, size, err := sr.ReadRune()
	fmt.Println(string(r), size, err)
	sr.ReadRune()
	r, size, _ = sr.ReadRune()
	fmt.Println(string(r), size, sr.UnreadRune(), sr.UnreadRune())
	pos, err := sr.Seek(-4, io.SeekEnd)
	fmt.Println(pos, err)
	rest, _ := io.ReadAll(sr)
	fmt.Printf("%q\n", rest)
	_, err = sr.Seek(-100, io.SeekCurrent)
	fmt.Println(err)
	_, err = sr.Seek(0, 7)
	fmt.Println(err)
	n, err = sr.ReadAt(buf, 7)
	fmt.Printf("%d %v %q\n", n, err, buf[:n])
	n, err = sr.ReadAt(buf, 100)
	fmt.Println(n, err)
	sr.Reset("again")
	fmt.Println(sr.UnreadByte(), sr.Len())
	b, _ := sr.ReadByte()
	fmt.Println(string(b), sr.UnreadByte(), sr.Len())
	sr.WriteTo(os.Stdout)
	fmt.Println()

	br := bytes.NewReader([]byte("bytes reader"))
	io.CopyN(os.Stdout, br, 5)
	fmt.Println("|", br.Len())
	n64, err := io.CopyN(io.Discard, br, 100)
	fmt.Println(n64, err)

	lr := io.LimitReader(strings.NewReader("limited to ten bytes"), 10)
	all, err := io.ReadAll(lr)
	fmt.Printf("%q %v\n", all, err)
	mr := io.MultiReader(strings.NewReader("one "), strings.NewReader(""), io.MultiReader(strings.NewReader("two "), strings.NewReader("three")))
	all, _ = io.ReadAll(mr)
	fmt.Printf("%q\n", all)
	n, err = mr.Read(buf)
	fmt.Println(n, err)

	var a, c bytes.Buffer
	mw := io.MultiWriter(&a, &c)
	fmt.Fprintf(mw, "to both %d", 2)
	fmt.Println(a.String(), "/", c.String())
	var tee bytes.Buffer
	tr := io.TeeReader(strings.NewReader("teed"), &tee)
	io.ReadAll(tr)
	fmt.Println(tee.String())
	rc := io.NopCloser(strings.NewReader("x"))
	fmt.Println(rc.Close())
	var sb strings.Builder
	copied, err := io.Copy(&sb, io.LimitReader(strings.NewReader("copy me please"), 7))
	fmt.Println(copied, err, sb.String())
}
