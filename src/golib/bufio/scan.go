package bufio

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// A Scanner reads its input token by token: lines by default, or whatever
// its SplitFunc cuts. Scanning stops at the end of the input, at the first
// error, or at a token too large for the buffer (Go's bufio/scan.go is the
// reference for behaviour).
type Scanner struct {
	r            io.Reader
	splitter     SplitFunc
	maxTokenSize int
	token        []byte
	buf          []byte
	lo, hi       int // the unscanned bytes are buf[lo:hi]
	err          error
	idleTokens   int // empty tokens in a row without progress, to catch a looping SplitFunc
	scanCalled   bool
	done         bool
}

// A SplitFunc looks at in, the unscanned input (final is true when no more will
// come), and says how many bytes to consume and which token, if any, they
// make. Asking for more input is (0, nil, nil). An error stops the scan;
// ErrFinalToken stops it after delivering the token.
type SplitFunc func(in []byte, final bool) (consume int, token []byte, err error)

// The Scanner's errors, with Go's texts.
var (
	ErrTooLong         = errors.New("bufio.Scanner: token too long")
	ErrNegativeAdvance = errors.New("bufio.Scanner: SplitFunc returns negative consume count")
	ErrAdvanceTooFar   = errors.New("bufio.Scanner: SplitFunc returns consume count beyond input")
	ErrBadReadCount    = errors.New("bufio.Scanner: Read returned impossible count")
	ErrFinalToken      = errors.New("final token")
)

// MaxScanTokenSize is the default largest token, buffer included.
const MaxScanTokenSize = 64 * 1024

const startBufSize = 4096

// NewScanner returns a Scanner over r that splits lines.
func NewScanner(r io.Reader) *Scanner {
	return &Scanner{r: r, splitter: ScanLines, maxTokenSize: MaxScanTokenSize}
}

// Err is the first error other than io.EOF.
func (s *Scanner) Err() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// Bytes is the last token, valid until the next Scan.
func (s *Scanner) Bytes() []byte { return s.token }

// Text is the last token as a string.
func (s *Scanner) Text() string { return string(s.token) }

// Scan moves to the next token and reports whether there is one.
func (s *Scanner) Scan() bool {
	if s.done {
		return false
	}
	s.scanCalled = true
	for {
		// Try the bytes already here first, and at the end even with none.
		if s.hi > s.lo || s.err != nil {
			consume, token, err := s.splitter(s.buf[s.lo:s.hi], s.err != nil)
			if err != nil {
				if err == ErrFinalToken {
					s.token = token
					s.done = true
					return true
				}
				s.fail(err)
				return false
			}
			if !s.consume(consume) {
				return false
			}
			s.token = token
			if token != nil {
				if s.err == nil || consume > 0 {
					s.idleTokens = 0
				} else {
					s.idleTokens++
					if s.idleTokens > noProgressLimit {
						panic("bufio.Scan: too many empty tokens without progressing")
					}
				}
				return true
			}
		}
		if s.err != nil {
			s.lo = 0
			s.hi = 0
			return false
		}
		if !s.fillMore() {
			return false
		}
	}
}

// noProgressLimit bounds reads that return nothing, and empty
// tokens at the end that consume nothing.
const noProgressLimit = 100

// fillMore makes room (moving the unscanned bytes down, or growing the
// buffer up to the token limit) and reads once or more until some bytes or
// an error arrive.
func (s *Scanner) fillMore() bool {
	if s.lo > 0 && (s.hi == len(s.buf) || s.lo > len(s.buf)/2) {
		copy(s.buf, s.buf[s.lo:s.hi])
		s.hi -= s.lo
		s.lo = 0
	}
	if s.hi == len(s.buf) {
		if len(s.buf) >= s.maxTokenSize || len(s.buf) > largestInt/2 {
			s.fail(ErrTooLong)
			return false
		}
		size := len(s.buf) * 2
		if size == 0 {
			size = startBufSize
		}
		if size > s.maxTokenSize {
			size = s.maxTokenSize
		}
		grown := make([]byte, size)
		copy(grown, s.buf[s.lo:s.hi])
		s.hi -= s.lo
		s.lo = 0
		s.buf = grown
	}
	for tries := 0; ; {
		n, err := s.r.Read(s.buf[s.hi:len(s.buf)])
		if n < 0 || len(s.buf)-s.hi < n {
			s.fail(ErrBadReadCount)
			return true
		}
		s.hi += n
		if err != nil {
			s.fail(err)
			return true
		}
		if n > 0 {
			s.idleTokens = 0
			return true
		}
		tries++
		if tries > noProgressLimit {
			s.fail(io.ErrNoProgress)
			return true
		}
	}
}

const largestInt = int(^uint(0) >> 1)

// consume consumes n bytes of the unscanned input.
func (s *Scanner) consume(n int) bool {
	if n < 0 {
		s.fail(ErrNegativeAdvance)
		return false
	}
	if n > s.hi-s.lo {
		s.fail(ErrAdvanceTooFar)
		return false
	}
	s.lo += n
	return true
}

// fail keeps the first error, except that a later one replaces io.EOF.
func (s *Scanner) fail(err error) {
	if s.err == nil || s.err == io.EOF {
		s.err = err
	}
}

// Buffer sets the first buffer and the largest token (the larger of max and
// cap(buf)). It panics once scanning has begun.
func (s *Scanner) Buffer(buf []byte, max int) {
	if s.scanCalled {
		panic("Buffer called after Scan")
	}
	s.buf = buf[0:cap(buf)]
	s.maxTokenSize = max
}

// Split sets the SplitFunc. It panics once scanning has begun.
func (s *Scanner) Split(splitter SplitFunc) {
	if s.scanCalled {
		panic("Split called after Scan")
	}
	s.splitter = splitter
}

// ScanBytes makes every byte a token.
func ScanBytes(in []byte, final bool) (consume int, token []byte, err error) {
	if final && len(in) == 0 {
		return 0, nil, nil
	}
	return 1, in[0:1], nil
}

var replacementBytes = []byte(string(utf8.RuneError))

// ScanRunes makes every UTF-8 rune a token; an invalid byte is the token
// U+FFFD, encoded.
func ScanRunes(in []byte, final bool) (consume int, token []byte, err error) {
	if final && len(in) == 0 {
		return 0, nil, nil
	}
	if in[0] < utf8.RuneSelf {
		return 1, in[0:1], nil
	}
	if !final && !utf8.FullRune(in) {
		return 0, nil, nil
	}
	_, w := utf8.DecodeRune(in)
	if w > 1 {
		return w, in[0:w], nil
	}
	return 1, replacementBytes, nil
}

// trimCR removes one final '\r'.
func trimCR(in []byte) []byte {
	if n := len(in); n > 0 && in[n-1] == '\r' {
		return in[:n-1]
	}
	return in
}

// ScanLines makes every line a token, without its "\n" or "\r\n"; the last
// line may lack the newline, and an empty last line is no token.
func ScanLines(in []byte, final bool) (consume int, token []byte, err error) {
	if final && len(in) == 0 {
		return 0, nil, nil
	}
	if i := bytes.IndexByte(in, '\n'); i >= 0 {
		return i + 1, trimCR(in[:i]), nil
	}
	if final {
		return len(in), trimCR(in), nil
	}
	return 0, nil, nil
}

// isSpace is unicode.IsSpace, for the runes that count as blanks between words.
func isSpace(r rune) bool {
	if r <= 0xFF {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0:
			return true
		}
		return false
	}
	if 0x2000 <= r && r <= 0x200a {
		return true
	}
	switch r {
	case 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return false
}

// ScanWords makes every run of non-space runes a token.
func ScanWords(in []byte, final bool) (consume int, token []byte, err error) {
	lo := 0
	for lo < len(in) {
		r, w := utf8.DecodeRune(in[lo:])
		if !isSpace(r) {
			break
		}
		lo += w
	}
	for i := lo; i < len(in); {
		r, w := utf8.DecodeRune(in[i:])
		if isSpace(r) {
			return i + w, in[lo:i], nil
		}
		i += w
	}
	if final && len(in) > lo {
		return len(in), in[lo:], nil
	}
	return lo, nil, nil
}
