// Package utf8 implements functions and constants to support text encoded
// in UTF-8 (the parts fmt, strconv and strings use).
package utf8

// The encoding's limits.
const (
	RuneError = '\uFFFD'     // U+FFFD, what a decoder answers for bytes that are not UTF-8
	RuneSelf  = 0x80         // a byte below this is a rune of its own; above, part of a sequence
	MaxRune   = '\U0010FFFF' // the last code point Unicode defines
	UTFMax    = 4            // the longest sequence, in bytes
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// DecodeRuneInString unpacks the first UTF-8 encoding in s and returns the
// rune and its width in bytes. An empty s gives (RuneError, 0); an invalid
// or overlong encoding, a surrogate or a rune past MaxRune gives
// (RuneError, 1).
func DecodeRuneInString(s string) (r rune, size int) {
	n := len(s)
	if n < 1 {
		return RuneError, 0
	}
	c0 := s[0]
	if c0 < RuneSelf {
		return rune(c0), 1
	}
	var need int
	var min rune
	switch {
	case c0&0xE0 == 0xC0:
		need, min, r = 2, 0x80, rune(c0&0x1F)
	case c0&0xF0 == 0xE0:
		need, min, r = 3, 0x800, rune(c0&0x0F)
	case c0&0xF8 == 0xF0:
		need, min, r = 4, 0x10000, rune(c0&0x07)
	default:
		return RuneError, 1
	}
	if n < need {
		return RuneError, 1
	}
	for i := 1; i < need; i++ {
		c := s[i]
		if c&0xC0 != 0x80 {
			return RuneError, 1
		}
		r = r<<6 | rune(c&0x3F)
	}
	if r < min || r > MaxRune || surrogateMin <= r && r <= surrogateMax {
		return RuneError, 1
	}
	return r, need
}

// DecodeRune is DecodeRuneInString for a byte slice.
func DecodeRune(p []byte) (r rune, size int) {
	n := len(p)
	if n > UTFMax {
		n = UTFMax
	}
	return DecodeRuneInString(string(p[:n]))
}

// DecodeLastRuneInString unpacks the last UTF-8 encoding in s.
func DecodeLastRuneInString(s string) (r rune, size int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	if s[start] < RuneSelf {
		return rune(s[start]), 1
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	// Step back over continuation bytes (10xxxxxx) to a possible first byte,
	// at most UTFMax-1 of them.
	for start > lim && s[start]&0xC0 == 0x80 {
		start--
	}
	r, n := DecodeRuneInString(s[start:])
	if start+n != end {
		return RuneError, 1 // what ends s is not one whole sequence
	}
	return r, n
}

// RuneLen returns the number of bytes required to encode the rune, or -1
// if the rune is not a valid value to encode in UTF-8.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r >= surrogateMin && r <= surrogateMax:
		return -1 // a surrogate half has no UTF-8 form
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// EncodeRune writes into p (which must be large enough) the UTF-8 encoding
// of the rune (RuneError for an invalid one) and returns the number of
// bytes written.
func EncodeRune(p []byte, r rune) int {
	if !ValidRune(r) {
		r = RuneError
	}
	switch n := RuneLen(r); n {
	case 1:
		p[0] = byte(r)
		return 1
	case 2:
		p[0] = byte(0xC0 | r>>6)
		p[1] = byte(0x80 | r&0x3F)
		return 2
	case 3:
		p[0] = byte(0xE0 | r>>12)
		p[1] = byte(0x80 | (r>>6)&0x3F)
		p[2] = byte(0x80 | r&0x3F)
		return 3
	}
	p[0] = byte(0xF0 | r>>18)
	p[1] = byte(0x80 | (r>>12)&0x3F)
	p[2] = byte(0x80 | (r>>6)&0x3F)
	p[3] = byte(0x80 | r&0x3F)
	return 4
}

// AppendRune appends the UTF-8 encoding of r to the end of p.
func AppendRune(p []byte, r rune) []byte {
	var b [UTFMax]byte
	n := EncodeRune(b[:], r)
	return append(p, b[:n]...)
}

// RuneCountInString counts the runes of s, an invalid byte counting as one.
func RuneCountInString(s string) (n int) {
	for i := 0; i < len(s); {
		_, size := DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// RuneCount returns the number of runes in p.
func RuneCount(p []byte) int { return RuneCountInString(string(p)) }

// ValidString says whether s is nothing but whole, valid UTF-8 sequences.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// ValidRune says whether r has a UTF-8 form: a code point that is not a
// surrogate half.
func ValidRune(r rune) bool {
	if r < 0 || r > MaxRune {
		return false
	}
	return r < surrogateMin || r > surrogateMax
}

// FullRune reports whether p begins with a whole encoding: a valid rune, or
// bytes that can only decode as an error of width 1. A valid encoding cut
// short is not full.
func FullRune(p []byte) bool { return FullRuneInString(string(p)) }

// FullRuneInString is FullRune for a string.
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	c0 := s[0]
	need := 0
	lo, hi := byte(0x80), byte(0xBF) // the range of the second byte
	switch {
	case c0 < RuneSelf:
		return true
	case c0 >= 0xC2 && c0 <= 0xDF:
		need = 2
	case c0 >= 0xE0 && c0 <= 0xEF:
		need = 3
		if c0 == 0xE0 {
			lo = 0xA0
		} else if c0 == 0xED {
			hi = 0x9F
		}
	case c0 >= 0xF0 && c0 <= 0xF4:
		need = 4
		if c0 == 0xF0 {
			lo = 0x90
		} else if c0 == 0xF4 {
			hi = 0x8F
		}
	default:
		return true // no lead byte: an error of width 1
	}
	if len(s) >= need {
		return true
	}
	if len(s) > 1 && (s[1] < lo || s[1] > hi) {
		return true
	}
	if len(s) > 2 && (s[2] < 0x80 || s[2] > 0xBF) {
		return true
	}
	return false
}

// RuneStart reports whether b can begin an encoding (is not a continuation byte).
func RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Valid reports whether p is entirely valid UTF-8.
func Valid(p []byte) bool { return ValidString(string(p)) }
