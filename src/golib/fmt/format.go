package fmt

import (
	"strconv"
	"unicode/utf8"
)

const (
	ldigits = "0123456789abcdefx"
	udigits = "0123456789ABCDEFX"
)

const (
	signed   = true
	unsigned = false
)

// fmtFlags: what the directive being printed asked for besides its verb.
type fmtFlags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool

	// %+v and %#v mean something else than + and # with other verbs
	// (field names, Go syntax): the printer moves those two flags here.
	plusV  bool
	sharpV bool
}

// fmt turns one operand, already reduced to a bool, integer, float, string
// or bytes, into text in the printer's buffer, honouring width, precision
// and flags. Which of its methods runs is the printer's choice (print.go).
type fmt struct {
	buf *[]byte

	fmtFlags

	wid  int // width
	prec int // precision
}

func (f *fmt) clearFlags() {
	f.fmtFlags = fmtFlags{}
}

func (f *fmt) init(buf *[]byte) {
	f.buf = buf
	f.clearFlags()
}

func (f *fmt) write(b []byte) {
	*f.buf = append(*f.buf, b...)
}

func (f *fmt) put(s string) {
	*f.buf = append(*f.buf, s...)
}

// fill appends n bytes of padding: zeros or spaces.
func (f *fmt) fill(n int) {
	if n <= 0 {
		return
	}
	pad := byte(' ')
	if f.zero {
		pad = byte('0')
	}
	for i := 0; i < n; i++ {
		*f.buf = append(*f.buf, pad)
	}
}

// padBytes appends b, padded to the width on the left or (with -) the right.
// The width counts runes.
func (f *fmt) padBytes(b []byte) {
	f.padText(string(b))
}

// padText appends s, padded to the width.
func (f *fmt) padText(s string) {
	if !f.widPresent || f.wid == 0 {
		f.put(s)
		return
	}
	width := f.wid - utf8.RuneCountInString(s)
	if !f.minus {
		f.fill(width)
		f.put(s)
	} else {
		f.put(s)
		// Padding on the right is always spaces.
		zero := f.zero
		f.zero = false
		f.fill(width)
		f.zero = zero
	}
}

// putBool formats a boolean.
func (f *fmt) putBool(v bool) {
	if v {
		f.padText("true")
	} else {
		f.padText("false")
	}
}

// putUnicode formats a uint64 as "U+0078", or with # as "U+0078 'x'".
func (f *fmt) putUnicode(u uint64) {
	hex := strconv.FormatUint(u, 16)
	for i := 0; i < len(hex); i++ {
		if 'a' <= hex[i] && hex[i] <= 'f' {
			hex = hex[:i] + string(hex[i]-'a'+'A') + hex[i+1:]
		}
	}
	prec := 4
	if f.precPresent && f.prec > 4 {
		prec = f.prec
	}
	for len(hex) < prec {
		hex = "0" + hex
	}
	s := "U+" + hex
	if f.sharp && u <= utf8.MaxRune && strconv.IsPrint(rune(u)) {
		s += " '" + string(rune(u)) + "'"
	}
	zero := f.zero
	f.zero = false
	f.padText(s)
	f.zero = zero
}

// putInteger formats signed and unsigned integers in base 2, 8, 10 or 16,
// honouring precision (minimum digits), the flags + and space, # (base
// prefix) and zero padding.
func (f *fmt) putInteger(u uint64, base int, isSigned bool, verb rune, digits string) {
	negative := isSigned && int64(u) < 0
	if negative {
		u = -u
	}
	var num []byte
	if u == 0 && f.precPresent && f.prec == 0 {
		// Precision 0 and value 0 print no digits, only padding.
		num = nil
	} else {
		b := uint64(base)
		for u >= b {
			num = append(num, digits[u%b])
			u /= b
		}
		num = append(num, digits[u])
	}
	// num holds the digits in reverse order.
	prec := 0
	if f.precPresent {
		prec = f.prec
	} else if f.zero && f.widPresent && !f.minus {
		// Zero padding is done as precision: the sign comes first.
		prec = f.wid
		if negative || f.plus || f.space {
			prec-- // leave room for sign
		}
	}
	for len(num) < prec {
		num = append(num, '0')
	}
	if f.sharp {
		switch base {
		case 2:
			num = append(num, 'b', '0')
		case 8:
			if len(num) == 0 || num[len(num)-1] != '0' {
				num = append(num, '0')
			}
		case 16:
			num = append(num, digits[16], '0')
		}
	}
	if verb == 'O' {
		num = append(num, 'o', '0')
	}
	if negative {
		num = append(num, '-')
	} else if f.plus {
		num = append(num, '+')
	} else if f.space {
		num = append(num, ' ')
	}
	for i, j := 0, len(num)-1; i < j; i, j = i+1, j-1 {
		num[i], num[j] = num[j], num[i]
	}
	// Precision-based zero padding is done; pad the rest with spaces.
	zero := f.zero
	f.zero = false
	f.padBytes(num)
	f.zero = zero
}

// clip cuts s to the precision, counted in runes.
func (f *fmt) clip(s string) string {
	if f.precPresent {
		n := f.prec
		for i := range s {
			n--
			if n < 0 {
				return s[:i]
			}
		}
	}
	return s
}

// putString formats a string.
func (f *fmt) putString(s string) {
	f.padText(f.clip(s))
}

// putHex formats a string or byte slice as hex: %x, %X, with space
// between bytes for "% x" and 0x prefixes for #.
func (f *fmt) putHex(s string, b []byte, digits string) {
	length := len(b)
	if b == nil {
		length = len(s)
	}
	if f.precPresent && f.prec < length {
		length = f.prec
	}
	var buf []byte
	for i := 0; i < length; i++ {
		if i > 0 && f.space {
			buf = append(buf, ' ')
		}
		if f.sharp && (f.space || i == 0) {
			buf = append(buf, '0', digits[16])
		}
		var c byte
		if b != nil {
			c = b[i]
		} else {
			c = s[i]
		}
		buf = append(buf, digits[c>>4], digits[c&0xF])
	}
	f.padBytes(buf)
}

// putStringHex formats a string as a hexadecimal encoding of its bytes.
func (f *fmt) putStringHex(s, digits string) {
	f.putHex(s, nil, digits)
}

// putBytesHex formats a byte slice as a hexadecimal encoding of its bytes.
func (f *fmt) putBytesHex(b []byte, digits string) {
	f.putHex("", b, digits)
}

// putQuoted formats a string as a double-quoted, escaped Go string constant;
// with # a backquoted raw string if possible.
func (f *fmt) putQuoted(s string) {
	s = f.clip(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padText("`" + s + "`")
		return
	}
	if f.plus {
		f.padText(strconv.QuoteToASCII(s))
	} else {
		f.padText(strconv.Quote(s))
	}
}

// putChar formats an integer as a Unicode character.
func (f *fmt) putChar(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	f.padText(string(r))
}

// putQuotedChar formats an integer as a single-quoted, escaped Go character constant.
func (f *fmt) putQuotedChar(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	if f.plus {
		f.padText(strconv.QuoteRuneToASCII(r))
	} else {
		f.padText(strconv.QuoteRune(r))
	}
}

// putFloat formats a float64 with strconv's verb and precision (-1: the
// shortest exact form), then applies the sign flags and padding.
func (f *fmt) putFloat(v float64, verb rune, prec int) {
	if f.precPresent {
		prec = f.prec
	}
	s := strconv.FormatFloat(v, byte(verb), prec, 64)
	// Make the sign explicit: the + and space flags, and a uniform shape
	// for the padding logic below.
	if s[0] != '-' && s[0] != '+' {
		s = "+" + s
	}
	if f.space && s[0] == '+' && !f.plus {
		s = " " + s[1:]
	}
	// Inf and NaN are never zero padded.
	if s[1] == 'I' || s[1] == 'N' {
		zero := f.zero
		f.zero = false
		// Only NaN drops its sign: +Inf keeps it, as Go prints it.
		if s[1] == 'N' && !f.space && !f.plus {
			s = s[1:]
		}
		f.padText(s)
		f.zero = zero
		return
	}
	// The sharp flag forces a decimal point for %e %f %g; for %g it also
	// keeps trailing zeros.
	if f.sharp && verb != 'b' {
		s = sharpFloat(s, verb, prec)
	}
	if f.plus || s[0] != '+' {
		// Keep the sign: with zero padding it goes before the zeros.
		if f.zero && f.widPresent && f.wid > len(s) && !f.minus {
			f.put(s[:1])
			f.wid--
			zero := f.zero
			f.padText(s[1:])
			f.zero = zero
			f.wid++
			return
		}
		f.padText(s)
		return
	}
	// No sign to show.
	f.padText(s[1:])
}

// sharpFloat adds the decimal point (and, for %g, the trailing zeros) that
// the # flag asks for to a signed float text.
func sharpFloat(s string, verb rune, prec int) string {
	mant := s
	tail := ""
	for i := 1; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' || s[i] == 'p' || s[i] == 'P' {
			mant, tail = s[:i], s[i:]
			break
		}
	}
	hasDot := false
	digits := 0
	for i := 1; i < len(mant); i++ {
		if mant[i] == '.' {
			hasDot = true
		} else if '0' <= mant[i] && mant[i] <= '9' {
			digits++
		}
	}
	if !hasDot {
		mant += "."
	}
	if verb == 'g' || verb == 'G' || verb == 'v' {
		want := prec
		if want == -1 {
			want = 6
		}
		if want == 0 {
			want = 1
		}
		for ; digits < want; digits++ {
			mant += "0"
		}
	}
	return mant + tail
}
