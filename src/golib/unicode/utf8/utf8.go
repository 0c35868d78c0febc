// Package utf8 implements functions and constants to support text encoded
// in UTF-8 (the parts fmt, strconv and strings use).
package utf8

// Numbers fundamental to the encoding.
const (
	RuneError = '\uFFFD'     // the "error" Rune or "Unicode replacement character"
	RuneSelf  = 0x80         // characters below RuneSelf are represented as themselves in a single byte.
	MaxRune   = '\U0010FFFF' // Maximum valid Unicode code point.
	UTFMax    = 4            // maximum number of bytes of a UTF-8 encoded Unicode character.
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
	for start--; start >= lim; start-- {
		if s[start]&0xC0 != 0x80 {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size = DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
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
	case surrogateMin <= r && r <= surrogateMax:
		return -1
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

// RuneCountInString is like RuneCount but its input is a string.
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

// ValidString reports whether s consists entirely of valid UTF-8-encoded runes.
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

// ValidRune reports whether r can be legally encoded as UTF-8.
func ValidRune(r rune) bool {
	switch {
	case 0 <= r && r < surrogateMin:
		return true
	case surrogateMax < r && r <= MaxRune:
		return true
	}
	return false
}
