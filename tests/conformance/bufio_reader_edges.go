package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// oneByte hands out its string a byte per Read, with the last byte and EOF together.
type oneByte struct{ s string }

func (r *oneByte) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	if len(r.s) == 0 {
		return 1, io.EOF
	}
	return 1, nil
}

type failing struct{ n int }

func (f *failing) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk on fire")
	}
	f.n--
	p[0] = 'z'
	return 1, nil
}

func main() {
	// ReadLine with lines longer than the 16-byte buffer, CRLF split over a boundary.
	r := bufio.NewReaderSize(strings.NewReader("0123456789abcdefghij\r\nshort\nxxxxxxxxxxxxxxx\r\nlast"), 16)
	for {
		line, prefix, err := r.ReadLine()
		fmt.Printf("%q %v %v\n", line, prefix, err)
		if err != nil {
			break
		}
	}
	// Peek, Discard, Buffered, UnreadByte, ReadRune/UnreadRune.
	r = bufio.NewReaderSize(&oneByte{"héllo, wörld"}, 16)
	p, err := r.Peek(4)
	fmt.Printf("%q %v %d\n", p, err, r.Buffered())
	_, err = r.Peek(17)
	fmt.Println(err)
	_, err = r.Peek(-1)
	fmt.Println(err)
	c, _ := r.ReadByte()
	fmt.Println(string(c), r.UnreadByte(), r.UnreadByte())
	for i := 0; i < 3; i++ {
		ru, size, err := r.ReadRune()
		fmt.Println(string(ru), size, err)
	}
	fmt.Println(r.UnreadRune(), r.UnreadRune())
	n, err := r.Discard(5)
	fmt.Println(n, err)
	rest, err := r.ReadString('!')
	fmt.Printf("%q %v\n", rest, err)
	n, err = r.Discard(3)
	fmt.Println(n, err)
	// An error from the reader comes after the bytes before it.
	r = bufio.NewReader(&failing{3})
	b, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", b, err)
	b, err = r.ReadBytes('\n')
	fmt.Printf("%q %v\n", b, err)
	// ReadSlice of a full buffer.
	r = bufio.NewReaderSize(strings.NewReader(strings.Repeat("y", 40)+"\n"), 16)
	s, err := r.ReadSlice('\n')
	fmt.Printf("%q %v\n", s, err)
	big, err := r.ReadString('\n')
	fmt.Println(len(big), err)
	// Read straight into a large slice, and Reset.
	r.Reset(strings.NewReader("reset works"))
	buf := make([]byte, 64)
	n, err = r.Read(buf)
	fmt.Printf("%q %v %d\n", buf[:n], err, r.Size())
	n, err = r.Read(buf)
	fmt.Println(n, err)
	// WriteTo.
	var sb strings.Builder
	r = bufio.NewReader(strings.NewReader("copied through WriteTo"))
	r.ReadByte()
	m, err := r.WriteTo(&sb)
	fmt.Println(m, err, sb.String())
	// The same Reader back from NewReaderSize.
	fmt.Println(bufio.NewReaderSize(r, 10) == r, bufio.NewReaderSize(r, 5000) == r)
}
