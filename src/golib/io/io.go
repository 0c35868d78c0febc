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
	// Either side may know a better way, as in Go.
	if wt, has := src.(WriterTo); has {
		return wt.WriteTo(dst)
	}
	if rf, has := dst.(ReaderFrom); has {
		return rf.ReadFrom(src)
	}
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

// The other interfaces of Go's io that readers and writers implement.
type Seeker interface {
	Seek(offset int64, whence int) (int64, error)
}

type ReadSeeker interface {
	Reader
	Seeker
}

type ReadSeekCloser interface {
	Reader
	Seeker
	Closer
}

type WriteSeeker interface {
	Writer
	Seeker
}

type ReadWriteSeeker interface {
	Reader
	Writer
	Seeker
}

// A ReaderFrom reads r to its end into itself.
type ReaderFrom interface {
	ReadFrom(r Reader) (n int64, err error)
}

// A WriterTo writes what it holds to w.
type WriterTo interface {
	WriteTo(w Writer) (n int64, err error)
}

// A ReaderAt reads at an offset, independent of any other reads.
type ReaderAt interface {
	ReadAt(p []byte, off int64) (n int, err error)
}

// A WriterAt writes at an offset.
type WriterAt interface {
	WriteAt(p []byte, off int64) (n int, err error)
}

type ByteReader interface {
	ReadByte() (byte, error)
}

type ByteScanner interface {
	ByteReader
	UnreadByte() error
}

type ByteWriter interface {
	WriteByte(c byte) error
}

type RuneReader interface {
	ReadRune() (r rune, size int, err error)
}

type RuneScanner interface {
	RuneReader
	UnreadRune() error
}

// CopyN copies n bytes, or fewer with the reason (EOF when src ended first).
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	written, err = Copy(dst, LimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = EOF
	}
	return
}

// LimitReader reads from r until n bytes have been read, then returns EOF.
func LimitReader(r Reader, n int64) Reader { return &LimitedReader{r, n} }

// A LimitedReader reads from R, N more bytes at most.
type LimitedReader struct {
	R Reader
	N int64
}

func (l *LimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return
}

// MultiReader reads its readers one after the other; EOF comes after the last.
func MultiReader(readers ...Reader) Reader {
	list := make([]Reader, 0, len(readers))
	for _, r := range readers {
		// A MultiReader given as a part is read through, not nested.
		if inner, isMulti := r.(*multiReader); isMulti {
			list = append(list, inner.readers...)
		} else {
			list = append(list, r)
		}
	}
	return &multiReader{list}
}

type multiReader struct {
	readers []Reader
}

func (m *multiReader) Read(p []byte) (n int, err error) {
	for len(m.readers) > 0 {
		if len(m.readers) == 1 {
			if inner, isMulti := m.readers[0].(*multiReader); isMulti {
				m.readers = inner.readers
				continue
			}
		}
		n, err = m.readers[0].Read(p)
		if err == EOF {
			// Let the finished reader go before moving on.
			m.readers[0] = eofReader{}
			m.readers = m.readers[1:]
		}
		if n > 0 || err != EOF {
			if err == EOF && len(m.readers) > 0 {
				err = nil // there is more to come
			}
			return
		}
	}
	return 0, EOF
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, EOF }

// MultiWriter writes everything to each of its writers in turn, stopping at
// the first that fails.
func MultiWriter(writers ...Writer) Writer {
	list := make([]Writer, 0, len(writers))
	for _, w := range writers {
		if inner, isMulti := w.(*multiWriter); isMulti {
			list = append(list, inner.writers...)
		} else {
			list = append(list, w)
		}
	}
	return &multiWriter{list}
}

type multiWriter struct {
	writers []Writer
}

func (t *multiWriter) Write(p []byte) (n int, err error) {
	for _, w := range t.writers {
		n, err = w.Write(p)
		if err != nil {
			return
		}
		if n != len(p) {
			return n, ErrShortWrite
		}
	}
	return len(p), nil
}

// TeeReader writes to w everything it reads from r.
func TeeReader(r Reader, w Writer) Reader { return &teeReader{r, w} }

type teeReader struct {
	r Reader
	w Writer
}

func (t *teeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if m, werr := t.w.Write(p[:n]); werr != nil {
			return m, werr
		}
	}
	return
}

// NopCloser gives r a Close that does nothing (keeping r's WriteTo if it has one).
func NopCloser(r Reader) ReadCloser {
	if wt, has := r.(WriterTo); has {
		return nopCloserWriterTo{r, wt}
	}
	return nopCloser{r}
}

type nopCloser struct {
	Reader
}

func (nopCloser) Close() error { return nil }

type nopCloserWriterTo struct {
	Reader
	wt WriterTo
}

func (nopCloserWriterTo) Close() error { return nil }

func (c nopCloserWriterTo) WriteTo(w Writer) (n int64, err error) { return c.wt.WriteTo(w) }
