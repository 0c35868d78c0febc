package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

type limited struct {
	left int
	got  []byte
}

func (w *limited) Write(p []byte) (int, error) {
	if len(p) > w.left {
		w.got = append(w.got, p[:w.left]...)
		n := w.left
		w.left = 0
		return n, errors.New("no space left")
	}
	w.left -= len(p)
	w.got = append(w.got, p...)
	return len(p), nil
}

func main() {
	lw := &limited{left: 10}
	w := bufio.NewWriterSize(lw, 4)
	n, err := w.WriteString("abc")
	fmt.Println(n, err, w.Buffered(), w.Available(), w.Size())
	n, err = w.Write([]byte("defghijklmnop"))
	fmt.Println(n, err, string(lw.got))
	fmt.Println(w.WriteByte('x'), w.Flush())
	w.Reset(io.Discard)
	fmt.Println(w.Buffered(), w.Flush())
	var buf bytes.Buffer
	w = bufio.NewWriter(&buf)
	size, _ := w.WriteRune('世')
	w.WriteRune('a')
	fmt.Println(size, w.Buffered(), buf.Len())
	m, err := w.ReadFrom(strings.NewReader(" and more"))
	fmt.Println(m, err)
	w.Flush()
	fmt.Println(buf.String())
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("line one\n")), bufio.NewWriter(&buf))
	line, _ := rw.ReadString('\n')
	rw.WriteString("|" + line)
	rw.Flush()
	fmt.Printf("%q\n", buf.String())

	// Scanner: lines with CR and a final line without newline; empty lines kept.
	sc := bufio.NewScanner(strings.NewReader("one\r\n\ntwo\nthree"))
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println(sc.Err())
	// Runes, with an invalid byte.
	sc = bufio.NewScanner(strings.NewReader("aé\xffz"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Bytes())
	}
	fmt.Println()
	// A token over the maximum.
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("w", 100) + "\nok\n"))
	sc.Buffer(make([]byte, 8), 32)
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	fmt.Println(sc.Err())
	// A custom split: comma separated, stopping with ErrFinalToken at "stop".
	sc = bufio.NewScanner(strings.NewReader("a,bb,,stop,never"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			if string(data[:i]) == "stop" {
				return i + 1, data[:i], bufio.ErrFinalToken
			}
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("[%s]", sc.Text())
	}
	fmt.Println(sc.Err())
	// A split that fails.
	sc = bufio.NewScanner(strings.NewReader("x"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return 0, nil, errors.New("split failed") })
	fmt.Println(sc.Scan(), sc.Err())
	// Bytes.
	sc = bufio.NewScanner(strings.NewReader("hey"))
	sc.Split(bufio.ScanBytes)
	count := 0
	for sc.Scan() {
		count++
	}
	fmt.Println(count)
	defer func() { fmt.Println("recovered:", recover()) }()
	sc.Split(bufio.ScanLines)
}
