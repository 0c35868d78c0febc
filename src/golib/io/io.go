// Package io has the interfaces every reader and writer of bytes
// implements, the errors they share, and the helpers that loop over them
// (Go's io/io.go is the reference).
package io

import "errors"

// Where an offset given to Seek counts from.
const (
	SeekStart   = 0 // the beginning
	SeekCurrent = 1 // the current offset
	SeekEnd     = 2 // the end
)

// The shared errors. EOF is not a failure: it is how a Reader says there is
// nothing more; the others are.
var (
	EOF              = errors.New("EOF")
	ErrUnexpectedEOF = errors.New("unexpected EOF")                // the input ended inside a unit the caller needed whole
	ErrShortWrite    = errors.New("short write")                   // a Write took fewer bytes than given and said nothing
	ErrShortBuffer   = errors.New("short buffer")                  // the buffer cannot hold what must be read
	ErrClosedPipe    = errors.New("io: read/write on closed pipe") // I/O on a closed pipe
	ErrNoProgress    = errors.New("multiple Read calls return no data or error")

	// A Write reported more bytes than it was given, or fewer than none.
	errInvalidWrite = errors.New("invalid write result")
)

// A Reader fills p with up to len(p) bytes and says how many; at the end
// of its input it returns EOF.
type Reader interface {
	Read(p []byte) (n int, err error)
}

// A Writer writes all of p or says why not.
type Writer interface {
	Write(p []byte) (n int, err error)
}

// A Closer releases what it holds.
type Closer interface {
	Close() error
}

// The usual combinations.
type ReadWriter interface {
	Reader
	Writer
}

type ReadCloser interface {
	Reader
	Closer
}

type WriteCloser interface {
	Writer
	Closer
}

type ReadWriteCloser interface {
	Reader
	Writer
	Closer
}

// A StringWriter writes a string without the copy to []byte.
type StringWriter interface {
	WriteString(s string) (n int, err error)
}

// WriteString writes s to w, through w's own WriteString when it has one.
func WriteString(w Writer, s string) (n int, err error) {
	if direct, has := w.(StringWriter); has {
		return direct.WriteString(s)
	}
	return w.Write([]byte(s))
}

// ReadAtLeast reads into buf until min bytes are there. Reaching min
// makes the call succeed whatever the last Read said; ending earlier
// returns the Read's error, with EOF after some bytes turned into
// ErrUnexpectedEOF. A buf shorter than min is ErrShortBuffer.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if min > len(buf) {
		return 0, ErrShortBuffer
	}
	for n < min {
		k, rerr := r.Read(buf[n:])
		n += k
		if rerr != nil {
			err = rerr
			break
		}
	}
	switch {
	case n >= min:
		return n, nil
	case err == EOF && n > 0:
		return n, ErrUnexpectedEOF
	}
	return n, err
}

// ReadFull fills buf: ReadAtLeast with min = len(buf).
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// Copy moves bytes from src to dst until src is at its end (which is not
// an error) or either side fails, and says how many bytes dst took.
func Copy(dst Writer, src Reader) (written int64, err error) {
	chunk := make([]byte, 32<<10)
	for {
		got, rerr := src.Read(chunk)
		if got > 0 {
			put, werr := dst.Write(chunk[:got])
			if put < 0 || put > got {
				// A Writer must not claim more than it was given.
				put = 0
				if werr == nil {
					werr = errInvalidWrite
				}
			}
			written += int64(put)
			switch {
			case werr != nil:
				return written, werr
			case put < got:
				return written, ErrShortWrite
			}
		}
		if rerr == EOF {
			return written, nil
		}
		if rerr != nil {
			return written, rerr
		}
	}
}

// ReadAll reads r to its end and returns everything; reaching the end is
// success, any other error is returned with what was read before it.
func ReadAll(r Reader) ([]byte, error) {
	data := make([]byte, 0, 512)
	for {
		if len(data) == cap(data) {
			// Let append pick the next capacity.
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
	}
}

// Discard is a Writer that accepts everything and keeps nothing.
var Discard Writer = discard{}

type discard struct{}

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }
