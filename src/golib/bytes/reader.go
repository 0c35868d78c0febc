package bytes

import (
	"errors"
	"io"
	"unicode/utf8"
)

// This file and strings/reader.go are the same code over []byte and string, by
// design: the Go subset p9rt compiles has no generics to share them.
//
// A Reader reads a byte slice: io.Reader, ReaderAt, ByteScanner, RuneScanner,
// Seeker and WriterTo over it. The zero value reads an empty slice.
type Reader struct {
	s        []byte
	i        int64 // where the next read starts
	prevRune int   // where the last ReadRune started, or -1
}

// NewReader returns a Reader over b.
func NewReader(b []byte) *Reader { return &Reader{b, 0, -1} }

// Len is the number of unread bytes.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return len(r.s) - int(r.i)
}

// Size is the length of the whole slice.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	r.prevRune = -1
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return
}

// ReadAt reads at off without moving the reader; fewer than len(b) bytes
// come with io.EOF.
func (r *Reader) ReadAt(b []byte, off int64) (n int, err error) {
	if off < 0 {
		return 0, misuse("ReadAt", "negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[off:])
	if n < len(b) {
		err = io.EOF
	}
	return
}

func (r *Reader) ReadByte() (byte, error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	c := r.s[r.i]
	r.i++
	return c, nil
}

func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return misuse("UnreadByte", "at beginning of slice")
	}
	r.prevRune = -1
	r.i--
	return nil
}

func (r *Reader) ReadRune() (ch rune, size int, err error) {
	if r.i >= int64(len(r.s)) {
		r.prevRune = -1
		return 0, 0, io.EOF
	}
	r.prevRune = int(r.i)
	if b := r.s[r.i]; b < utf8.RuneSelf {
		r.i++
		return rune(b), 1, nil
	}
	ch, size = utf8.DecodeRune(r.s[r.i:])
	r.i += int64(size)
	return
}

func (r *Reader) UnreadRune() error {
	if r.i <= 0 {
		return misuse("UnreadRune", "at beginning of slice")
	}
	if r.prevRune < 0 {
		return misuse("UnreadRune", "previous operation was not ReadRune")
	}
	r.i = int64(r.prevRune)
	r.prevRune = -1
	return nil
}

// Seek moves the reader; a position past the end is allowed and reads EOF.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	r.prevRune = -1
	var at int64
	switch whence {
	case io.SeekStart:
		at = offset
	case io.SeekCurrent:
		at = r.i + offset
	case io.SeekEnd:
		at = int64(len(r.s)) + offset
	default:
		return 0, misuse("Seek", "invalid whence")
	}
	if at < 0 {
		return 0, misuse("Seek", "negative position")
	}
	r.i = at
	return at, nil
}

// WriteTo writes the unread bytes to w.
func (r *Reader) WriteTo(w io.Writer) (n int64, err error) {
	r.prevRune = -1
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	rest := r.s[r.i:]
	m, err := w.Write(rest)
	if m > len(rest) {
		panic("bytes.Reader.WriteTo: invalid Write count")
	}
	r.i += int64(m)
	n = int64(m)
	if m != len(rest) && err == nil {
		err = io.ErrShortWrite
	}
	return
}

// Reset makes r read s from its start.
func (r *Reader) Reset(b []byte) { *r = Reader{b, 0, -1} }

// misuse is the error of a method called where it cannot work, named as Go names it.
func misuse(method, why string) error {
	return errors.New("bytes.Reader." + method + ": " + why)
}
