// Package bufio puts a buffer in front of an io.Reader or io.Writer, so that
// many small reads or writes cost one call of the wrapped one (Go's
// bufio/bufio.go is the reference for behaviour; this is p9rt's own).
package bufio

import (
	"errors"
	"io"
	"unicode/utf8"
)

const defaultBufSize = 4096

// The package's errors, with Go's texts.
var (
	ErrInvalidUnreadByte = errors.New("bufio: invalid use of UnreadByte")
	ErrInvalidUnreadRune = errors.New("bufio: invalid use of UnreadRune")
	ErrBufferFull        = errors.New("bufio: buffer full")
	ErrNegativeCount     = errors.New("bufio: negative count")

	errNegativeRead = errors.New("bufio: reader returned negative count from Read")
)

// The smallest buffer a Reader uses; smaller sizes are raised to it.
const minReadBufferSize = 16

// How many reads returning nothing in a row make a Reader give up with
// io.ErrNoProgress.
const maxEmptyReads = 100

// A Reader buffers an io.Reader. The unread bytes are buf[r:w].
type Reader struct {
	buf      []byte
	rd       io.Reader
	r, w     int
	err      error // the wrapped reader's error, handed out once the buffer is drained
	lastByte int   // the last byte read, for UnreadByte; -1 when there is none
	lastSize int   // the size of the last rune read, for UnreadRune; -1 when there is none
}

// NewReaderSize returns a Reader whose buffer holds at least size bytes; when
// rd already is such a Reader it is returned as it is.
func NewReaderSize(rd io.Reader, size int) *Reader {
	if have, isReader := rd.(*Reader); isReader && len(have.buf) >= size {
		return have
	}
	if size < minReadBufferSize {
		size = minReadBufferSize
	}
	b := &Reader{}
	b.reset(make([]byte, size), rd)
	return b
}

// NewReader returns a Reader with the default size, 4096 bytes.
func NewReader(rd io.Reader) *Reader { return NewReaderSize(rd, defaultBufSize) }

// Size is the length of the buffer.
func (b *Reader) Size() int { return len(b.buf) }

// Reset drops whatever is buffered and makes b read from r.
func (b *Reader) Reset(r io.Reader) {
	if b.buf == nil {
		b.buf = make([]byte, defaultBufSize)
	}
	b.reset(b.buf, r)
}

func (b *Reader) reset(buf []byte, r io.Reader) {
	*b = Reader{buf: buf, rd: r, lastByte: -1, lastSize: -1}
}

// fill moves the unread bytes to the front and reads once more into the
// space behind them, retrying a reader that returns nothing.
func (b *Reader) fill() {
	if b.r > 0 {
		copy(b.buf, b.buf[b.r:b.w])
		b.w -= b.r
		b.r = 0
	}
	if b.w >= len(b.buf) {
		panic("bufio: tried to fill full buffer")
	}
	for tries := 0; tries < maxEmptyReads; tries++ {
		n, err := b.rd.Read(b.buf[b.w:])
		if n < 0 {
			panic(errNegativeRead)
		}
		b.w += n
		if err != nil {
			b.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	b.err = io.ErrNoProgress
}

// takeErr hands out the pending error once.
func (b *Reader) takeErr() error {
	err := b.err
	b.err = nil
	return err
}

// Buffered is how many bytes can be read without calling the wrapped reader.
func (b *Reader) Buffered() int { return b.w - b.r }

// Peek returns the next n bytes without consuming them; they stay valid
// until the next read. Fewer than n come with the reason: ErrBufferFull
// when n is more than the buffer holds.
func (b *Reader) Peek(n int) ([]byte, error) {
	if n < 0 {
		return nil, ErrNegativeCount
	}
	b.lastByte = -1
	b.lastSize = -1
	for b.w-b.r < n && b.w-b.r < len(b.buf) && b.err == nil {
		b.fill()
	}
	if n > len(b.buf) {
		return b.buf[b.r:b.w], ErrBufferFull
	}
	var err error
	if have := b.w - b.r; have < n {
		n = have
		err = b.takeErr()
		if err == nil {
			err = ErrBufferFull
		}
	}
	return b.buf[b.r : b.r+n], err
}

// Discard skips the next n bytes and says how many it skipped; fewer than n
// come with the reason.
func (b *Reader) Discard(n int) (discarded int, err error) {
	if n < 0 {
		return 0, ErrNegativeCount
	}
	if n == 0 {
		return 0, nil
	}
	b.lastByte = -1
	b.lastSize = -1
	left := n
	for {
		skip := b.Buffered()
		if skip == 0 {
			b.fill()
			skip = b.Buffered()
		}
		if skip > left {
			skip = left
		}
		b.r += skip
		left -= skip
		if left == 0 {
			return n, nil
		}
		if b.err != nil {
			return n - left, b.takeErr()
		}
	}
}

// Read reads into p: from the buffer when it has bytes, else with at most one
// Read of the wrapped reader (straight into p when p is at least as large as
// the buffer). At the end it returns 0, io.EOF.
func (b *Reader) Read(p []byte) (n int, err error) {
	if len(p) == 0 {
		if b.Buffered() > 0 {
			return 0, nil
		}
		return 0, b.takeErr()
	}
	if b.r == b.w {
		if b.err != nil {
			return 0, b.takeErr()
		}
		if len(p) >= len(b.buf) {
			n, b.err = b.rd.Read(p)
			if n < 0 {
				panic(errNegativeRead)
			}
			if n > 0 {
				b.lastByte = int(p[n-1])
				b.lastSize = -1
			}
			return n, b.takeErr()
		}
		b.r = 0
		b.w = 0
		n, b.err = b.rd.Read(b.buf)
		if n < 0 {
			panic(errNegativeRead)
		}
		if n == 0 {
			return 0, b.takeErr()
		}
		b.w += n
	}
	n = copy(p, b.buf[b.r:b.w])
	b.r += n
	b.lastByte = int(b.buf[b.r-1])
	b.lastSize = -1
	return n, nil
}

// ReadByte reads one byte.
func (b *Reader) ReadByte() (byte, error) {
	b.lastSize = -1
	for b.r == b.w {
		if b.err != nil {
			return 0, b.takeErr()
		}
		b.fill()
	}
	c := b.buf[b.r]
	b.r++
	b.lastByte = int(c)
	return c, nil
}

// UnreadByte puts back the last byte read.
func (b *Reader) UnreadByte() error {
	if b.lastByte < 0 || b.r == 0 && b.w > 0 {
		return ErrInvalidUnreadByte
	}
	if b.r > 0 {
		b.r--
	} else {
		b.w = 1 // the buffer is empty: the byte becomes its only content
	}
	b.buf[b.r] = byte(b.lastByte)
	b.lastByte = -1
	b.lastSize = -1
	return nil
}

// ReadRune reads one UTF-8 encoded rune; an invalid encoding reads one byte
// as utf8.RuneError, size 1.
func (b *Reader) ReadRune() (r rune, size int, err error) {
	for b.r+utf8.UTFMax > b.w && !utf8.FullRune(b.buf[b.r:b.w]) && b.err == nil && b.w-b.r < len(b.buf) {
		b.fill()
	}
	b.lastSize = -1
	if b.r == b.w {
		return 0, 0, b.takeErr()
	}
	r, size = rune(b.buf[b.r]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRune(b.buf[b.r:b.w])
	}
	b.r += size
	b.lastByte = int(b.buf[b.r-1])
	b.lastSize = size
	return r, size, nil
}

// UnreadRune puts back the last rune, only right after ReadRune.
func (b *Reader) UnreadRune() error {
	if b.lastSize < 0 || b.r < b.lastSize {
		return ErrInvalidUnreadRune
	}
	b.r -= b.lastSize
	b.lastByte = -1
	b.lastSize = -1
	return nil
}

// ReadSlice reads up to and including delim and returns a slice of the
// buffer itself, valid until the next read. A full buffer without delim is
// ErrBufferFull; an error before delim comes with what was read.
func (b *Reader) ReadSlice(delim byte) (line []byte, err error) {
	searched := 0
	for {
		if i := indexByte(b.buf[b.r+searched:b.w], delim); i >= 0 {
			end := b.r + searched + i + 1
			line = b.buf[b.r:end]
			b.r = end
			break
		}
		if b.err != nil {
			line = b.buf[b.r:b.w]
			b.r = b.w
			err = b.takeErr()
			break
		}
		if b.Buffered() >= len(b.buf) {
			b.r = b.w
			line = b.buf
			err = ErrBufferFull
			break
		}
		searched = b.w - b.r
		b.fill()
	}
	if n := len(line); n > 0 {
		b.lastByte = int(line[n-1])
		b.lastSize = -1
	}
	return line, err
}

// ReadLine returns one line without its "\n" or "\r\n". A line longer than
// the buffer comes in pieces, each but the last with isPrefix set.
func (b *Reader) ReadLine() (line []byte, isPrefix bool, err error) {
	line, err = b.ReadSlice('\n')
	if err == ErrBufferFull {
		// Keep a final '\r' for the next call, where it may be followed by '\n'.
		if n := len(line); n > 0 && line[n-1] == '\r' {
			if b.r == 0 {
				panic("bufio: tried to rewind past start of buffer")
			}
			b.r--
			line = line[:n-1]
		}
		return line, true, nil
	}
	if len(line) == 0 {
		if err != nil {
			line = nil
		}
		return
	}
	err = nil
	if line[len(line)-1] == '\n' {
		cut := 1
		if len(line) > 1 && line[len(line)-2] == '\r' {
			cut = 2
		}
		line = line[:len(line)-cut]
	}
	return
}

// collect reads up to and including delim, in as many buffer-fulls as it
// takes: the full ones in order and the final piece, with their total size.
func (b *Reader) collect(delim byte) (full [][]byte, last []byte, total int, err error) {
	for {
		piece, e := b.ReadSlice(delim)
		if e != ErrBufferFull {
			last = piece
			total += len(piece)
			err = e
			return
		}
		saved := make([]byte, len(piece))
		copy(saved, piece)
		full = append(full, saved)
		total += len(saved)
	}
}

func joinPieces(full [][]byte, last []byte, total int) []byte {
	out := make([]byte, 0, total)
	for _, p := range full {
		out = append(out, p...)
	}
	return append(out, last...)
}

// ReadBytes reads up to and including delim into a new slice; an error
// before delim comes with what was read (io.EOF at the end).
func (b *Reader) ReadBytes(delim byte) ([]byte, error) {
	full, last, total, err := b.collect(delim)
	return joinPieces(full, last, total), err
}

// ReadString is ReadBytes returning a string.
func (b *Reader) ReadString(delim byte) (string, error) {
	full, last, total, err := b.collect(delim)
	return string(joinPieces(full, last, total)), err
}

// WriteTo writes everything b and its reader hold to w.
func (b *Reader) WriteTo(w io.Writer) (n int64, err error) {
	b.lastByte = -1
	b.lastSize = -1
	for {
		if b.r < b.w {
			m, e := w.Write(b.buf[b.r:b.w])
			if m < 0 {
				panic("bufio: writer returned negative count from Write")
			}
			b.r += m
			n += int64(m)
			if e != nil {
				return n, e
			}
			if b.r < b.w {
				return n, io.ErrShortWrite
			}
		}
		if b.err != nil {
			err = b.takeErr()
			if err == io.EOF {
				err = nil
			}
			return n, err
		}
		b.fill()
	}
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// A Writer buffers an io.Writer: writes gather in buf[:n] until it is full
// or Flush is called. After a failed write every later one returns the
// same error.
type Writer struct {
	err error
	buf []byte
	n   int
	wr  io.Writer
}

// NewWriterSize returns a Writer whose buffer holds at least size bytes; when
// w already is such a Writer it is returned as it is.
func NewWriterSize(w io.Writer, size int) *Writer {
	if have, isWriter := w.(*Writer); isWriter && len(have.buf) >= size {
		return have
	}
	if size <= 0 {
		size = defaultBufSize
	}
	return &Writer{buf: make([]byte, size), wr: w}
}

// NewWriter returns a Writer with the default size, 4096 bytes.
func NewWriter(w io.Writer) *Writer { return NewWriterSize(w, defaultBufSize) }

// Size is the length of the buffer.
func (b *Writer) Size() int { return len(b.buf) }

// Reset drops what is buffered, forgets any error and writes to w from now on.
func (b *Writer) Reset(w io.Writer) {
	if b.buf == nil {
		b.buf = make([]byte, defaultBufSize)
	}
	b.err = nil
	b.n = 0
	b.wr = w
}

// Flush writes the buffered bytes to the wrapped writer.
func (b *Writer) Flush() error {
	if b.err != nil {
		return b.err
	}
	if b.n == 0 {
		return nil
	}
	m, err := b.wr.Write(b.buf[:b.n])
	if m < b.n && err == nil {
		err = io.ErrShortWrite
	}
	if err != nil {
		if m > 0 && m < b.n {
			copy(b.buf, b.buf[m:b.n])
		}
		b.n -= m
		b.err = err
		return err
	}
	b.n = 0
	return nil
}

// Available is the free space of the buffer.
func (b *Writer) Available() int { return len(b.buf) - b.n }

// AvailableBuffer is an empty slice over the free space, to append to and
// pass to Write.
func (b *Writer) AvailableBuffer() []byte { return b.buf[b.n:][:0] }

// Buffered is how many bytes wait for a Flush.
func (b *Writer) Buffered() int { return b.n }

// Write writes p; fewer bytes than len(p) come with the reason. A p larger
// than the free space of an empty buffer goes straight to the wrapped writer.
func (b *Writer) Write(p []byte) (nn int, err error) {
	for len(p) > b.Available() && b.err == nil {
		var n int
		if b.n == 0 {
			n, b.err = b.wr.Write(p)
		} else {
			n = copy(b.buf[b.n:], p)
			b.n += n
			b.Flush()
		}
		nn += n
		p = p[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], p)
	b.n += n
	return nn + n, nil
}

// WriteByte writes one byte.
func (b *Writer) WriteByte(c byte) error {
	if b.err != nil {
		return b.err
	}
	if b.Available() <= 0 && b.Flush() != nil {
		return b.err
	}
	b.buf[b.n] = c
	b.n++
	return nil
}

// WriteRune writes r in UTF-8 and says how many bytes that took.
func (b *Writer) WriteRune(r rune) (size int, err error) {
	if r >= 0 && r < utf8.RuneSelf {
		if err = b.WriteByte(byte(r)); err != nil {
			return 0, err
		}
		return 1, nil
	}
	var enc [utf8.UTFMax]byte
	size = utf8.EncodeRune(enc[:], r)
	return b.Write(enc[:size])
}

// WriteString writes s.
func (b *Writer) WriteString(s string) (int, error) {
	nn := 0
	for len(s) > b.Available() && b.err == nil {
		n := copy(b.buf[b.n:], s)
		b.n += n
		nn += n
		s = s[n:]
		b.Flush()
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], s)
	b.n += n
	return nn + n, nil
}

// ReadFrom reads r to its end into the buffer, flushing as it fills.
func (b *Writer) ReadFrom(r io.Reader) (n int64, err error) {
	if b.err != nil {
		return 0, b.err
	}
	empty := 0
	for {
		if b.Available() == 0 {
			if err := b.Flush(); err != nil {
				return n, err
			}
		}
		m, e := r.Read(b.buf[b.n:])
		if m < 0 {
			panic(errNegativeRead)
		}
		b.n += m
		n += int64(m)
		if e != nil {
			if e == io.EOF {
				// Flush when full, as Go does, so the caller sees a write error now.
				if b.Available() == 0 {
					return n, b.Flush()
				}
				return n, nil
			}
			return n, e
		}
		if m == 0 {
			empty++
			if empty >= maxEmptyReads {
				return n, io.ErrNoProgress
			}
		} else {
			empty = 0
		}
	}
}

// A ReadWriter is a Reader and a Writer together.
type ReadWriter struct {
	*Reader
	*Writer
}

// NewReadWriter pairs r and w.
func NewReadWriter(r *Reader, w *Writer) *ReadWriter { return &ReadWriter{r, w} }
