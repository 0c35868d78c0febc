package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// A Buffer is bytes written at one end and read from the other; the zero
// Buffer is empty and ready.
//
// The bytes not yet read are data[next:]. Reading moves next forward; the
// space before it is reused when the buffer must grow, or when a read
// empties it. Capacity grows as Go's does, so Cap answers what it answers
// in Go.
type Buffer struct {
	data []byte
	next int
	last lastOp // what the previous call was, for UnreadByte and UnreadRune
}

// lastOp: lastNone, lastRead, or the width of the rune ReadRune returned.
type lastOp int8

const (
	lastNone lastOp = 0
	lastRead lastOp = -1
	// 1..4: a ReadRune of that many bytes
)

// MinRead is the least room ReadFrom asks for before each Read.
const MinRead = 512

// firstAlloc is the capacity of a nil Buffer's first array, for a small write.
const firstAlloc = 64

// ErrTooLarge is the panic of a Buffer that cannot grow any more.
var ErrTooLarge = errors.New("bytes.Buffer: too large")

var errNegativeRead = errors.New("bytes.Buffer: reader returned negative count from Read")

// NewBuffer makes a Buffer whose unread bytes are buf (which it then owns).
func NewBuffer(buf []byte) *Buffer { return &Buffer{data: buf} }

// NewBufferString makes a Buffer whose unread bytes are s's.
func NewBufferString(s string) *Buffer { return &Buffer{data: []byte(s)} }

// Bytes is the unread part, shared with the buffer until its next change.
func (b *Buffer) Bytes() []byte { return b.data[b.next:] }

// String is the unread part as a string; "<nil>" for a nil *Buffer.
func (b *Buffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.data[b.next:])
}

// Len counts the unread bytes.
func (b *Buffer) Len() int { return len(b.data) - b.next }

// Cap is the capacity of the array behind the buffer.
func (b *Buffer) Cap() int { return cap(b.data) }

// Reset empties the buffer, keeping its array.
func (b *Buffer) Reset() {
	b.data = b.data[:0]
	b.next = 0
	b.last = lastNone
}

// Truncate keeps the first n unread bytes and drops the rest.
func (b *Buffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.last = lastNone
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.data = b.data[:b.next+n]
}

// Grow makes room for n more bytes without another allocation.
func (b *Buffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
	at := b.grow(n)
	b.data = b.data[:at]
}

// reserve lengthens data by n bytes and answers where they start: in the
// array's spare capacity when there is enough, else through grow.
func (b *Buffer) reserve(n int) int {
	if end := len(b.data); n <= cap(b.data)-end {
		b.data = b.data[:end+n]
		return end
	}
	return b.grow(n)
}

// grow is reserve's slow way, and Grow's and ReadFrom's only one: a buffer
// with nothing unread starts over at the front of its array; then, when the
// spare capacity is still too small, the unread bytes slide down to the
// front if they and n fill at most half the array, or else move to a new
// array about twice as big. (Go's policy, so Cap agrees with Go's.)
func (b *Buffer) grow(n int) int {
	unread := b.Len()
	if unread == 0 && b.next != 0 {
		b.Reset()
	}
	if end := len(b.data); n <= cap(b.data)-end {
		b.data = b.data[:end+n]
		return end
	}
	if b.data == nil && n <= firstAlloc {
		b.data = make([]byte, n, firstAlloc)
		return 0
	}
	c := cap(b.data)
	if n <= c/2-unread {
		copy(b.data, b.data[b.next:])
	} else {
		const maxInt = int(^uint(0) >> 1)
		if c > maxInt-c-n {
			panic(ErrTooLarge)
		}
		// The new array holds the unread bytes, n more and as many as
		// were read (Go counts those too), and at least twice the capacity
		// after next; append rounds it up to the allocator's size class,
		// as Go's does.
		want := unread + b.next + n
		if twice := 2 * (c - b.next); want < twice {
			want = twice
		}
		bigger := append([]byte(nil), make([]byte, want)...)
		copy(bigger, b.data[b.next:])
		b.data = bigger
	}
	b.next = 0
	b.data = b.data[:unread+n]
	return unread
}

// Write adds p's bytes; it always succeeds (or panics with ErrTooLarge).
func (b *Buffer) Write(p []byte) (n int, err error) {
	b.last = lastNone
	at := b.reserve(len(p))
	return copy(b.data[at:], p), nil
}

// WriteString adds s's bytes.
func (b *Buffer) WriteString(s string) (n int, err error) {
	b.last = lastNone
	at := b.reserve(len(s))
	return copy(b.data[at:], s), nil
}

// WriteByte adds one byte.
func (b *Buffer) WriteByte(c byte) error {
	b.last = lastNone
	at := b.reserve(1)
	b.data[at] = c
	return nil
}

// WriteRune adds r in UTF-8 and answers its length.
func (b *Buffer) WriteRune(r rune) (n int, err error) {
	if uint32(r) < utf8.RuneSelf {
		b.WriteByte(byte(r))
		return 1, nil
	}
	b.last = lastNone
	at := b.reserve(utf8.UTFMax)
	n = utf8.EncodeRune(b.data[at:], r)
	b.data = b.data[:at+n]
	return n, nil
}

// empty resets a buffer with nothing unread and says whether it was so.
func (b *Buffer) empty() bool {
	if b.next < len(b.data) {
		return false
	}
	b.Reset()
	return true
}

// Read moves up to len(p) unread bytes into p; io.EOF when there are none
// (unless p is empty).
func (b *Buffer) Read(p []byte) (n int, err error) {
	b.last = lastNone
	if b.empty() {
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, b.data[b.next:])
	b.next += n
	if n > 0 {
		b.last = lastRead
	}
	return n, nil
}

// Next consumes up to n bytes and answers them, shared with the buffer.
func (b *Buffer) Next(n int) []byte {
	b.last = lastNone
	if n > b.Len() {
		n = b.Len()
	}
	taken := b.data[b.next : b.next+n]
	b.next += n
	if n > 0 {
		b.last = lastRead
	}
	return taken
}

// ReadByte consumes one byte; io.EOF when there is none.
func (b *Buffer) ReadByte() (byte, error) {
	if b.empty() {
		return 0, io.EOF
	}
	c := b.data[b.next]
	b.next++
	b.last = lastRead
	return c, nil
}

// ReadRune consumes one UTF-8 sequence (one byte, as RuneError, if it is
// not valid) and answers the rune and its width.
func (b *Buffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		return 0, 0, io.EOF
	}
	if c := b.data[b.next]; c < utf8.RuneSelf {
		b.next++
		b.last = 1
		return rune(c), 1, nil
	}
	r, size = utf8.DecodeRune(b.data[b.next:])
	b.next += size
	b.last = lastOp(size)
	return r, size, nil
}

// UnreadRune gives back the rune of the ReadRune just before it.
func (b *Buffer) UnreadRune() error {
	if b.last <= lastNone {
		return errors.New("bytes.Buffer: UnreadRune: previous operation was not a successful ReadRune")
	}
	if b.next >= int(b.last) {
		b.next -= int(b.last)
	}
	b.last = lastNone
	return nil
}

var errUnreadByte = errors.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

// UnreadByte gives back the last byte of the read just before it.
func (b *Buffer) UnreadByte() error {
	if b.last == lastNone {
		return errUnreadByte
	}
	b.last = lastNone
	if b.next > 0 {
		b.next--
	}
	return nil
}

// upTo consumes the unread bytes through the first delim, or all of them
// and io.EOF when delim does not occur; the answer shares the buffer's array.
func (b *Buffer) upTo(delim byte) (part []byte, err error) {
	end := len(b.data)
	if i := IndexByte(b.data[b.next:], delim); i >= 0 {
		end = b.next + i + 1
	} else {
		err = io.EOF
	}
	part = b.data[b.next:end]
	b.next = end
	b.last = lastRead
	return part, err
}

// ReadBytes consumes through the first delim and answers a copy of it.
func (b *Buffer) ReadBytes(delim byte) (line []byte, err error) {
	part, err := b.upTo(delim)
	return append([]byte(nil), part...), err
}

// ReadString consumes through the first delim and answers it as a string.
func (b *Buffer) ReadString(delim byte) (line string, err error) {
	part, err := b.upTo(delim)
	return string(part), err
}

// WriteTo hands every unread byte to w, and io.ErrShortWrite when w takes
// fewer without an error of its own.
func (b *Buffer) WriteTo(w io.Writer) (n int64, err error) {
	b.last = lastNone
	if want := b.Len(); want > 0 {
		wrote, werr := w.Write(b.data[b.next:])
		if wrote > want {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.next += wrote
		n = int64(wrote)
		if werr != nil {
			return n, werr
		}
		if wrote != want {
			return n, io.ErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}

// ReadFrom appends what r reads until io.EOF (which is not an error here).
func (b *Buffer) ReadFrom(r io.Reader) (n int64, err error) {
	b.last = lastNone
	for {
		at := b.grow(MinRead)
		b.data = b.data[:at]
		got, rerr := r.Read(b.data[at:cap(b.data)])
		if got < 0 {
			panic(errNegativeRead)
		}
		b.data = b.data[:at+got]
		n += int64(got)
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, rerr
		}
	}
}
