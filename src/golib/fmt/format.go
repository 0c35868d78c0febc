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

// fmtFlags are the flags of the verb being formatted.
type fmtFlags struct {
	widPresent  bool
	precPresent bool
	minus       bool
	plus        bool
	sharp       bool
	space       bool
	zero        bool

	// For the formats %+v %#v, plusV and sharpV are set and plus and
	// sharp cleared.
	plusV  bool
	sharpV bool
}

// A fmt is the raw formatter used by Printf etc.: it pads and appends to
// buf. The verb parsing is the printer's (print.go).
type fmt struct {
	buf *[]byte

	fmtFlags

	wid  int // width
	prec int // precision
}

func (f *fmt) clearflags() {
	f.fmtFlags = fmtFlags{}
}

func (f *fmt) init(buf *[]byte) {
	f.buf = buf
	f.clearflags()
}

func (f *fmt) write(b []byte) {
	*f.buf = append(*f.buf, b...)
}

func (f *fmt) writeString(s string) {
	*f.buf = append(*f.buf, s...)
}

// writePadding appends n bytes of padding: zeros or spaces.
func (f *fmt) writePadding(n int) {
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

// pad appends b, padded to the width on the left or (with -) the right.
// The width counts runes.
func (f *fmt) pad(b []byte) {
	f.padString(string(b))
}

// padString appends s, padded to the width.
func (f *fmt) padString(s string) {
	if !f.widPresent || f.wid == 0 {
		f.writeString(s)
		return
	}
	width := f.wid - utf8.RuneCountInString(s)
	if !f.minus {
		f.writePadding(width)
		f.writeString(s)
	} else {
		f.writeString(s)
		// Padding on the right is always spaces.
		zero := f.zero
		f.zero = false
		f.writePadding(width)
		f.zero = zero
	}
}

// fmtBoolean formats a boolean.
func (f *fmt) fmtBoolean(v bool) {
	if v {
		f.padString("true")
	} else {
		f.padString("false")
	}
}

// fmtUnicode formats a uint64 as "U+0078", or with # as "U+0078 'x'".
func (f *fmt) fmtUnicode(u uint64) {
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
	f.padString(s)
	f.zero = zero
}

// fmtInteger formats signed and unsigned integers in base 2, 8, 10 or 16,
// honouring precision (minimum digits), the flags + and space, # (base
// prefix) and zero padding.
func (f *fmt) fmtInteger(u uint64, base int, isSigned bool, verb rune, digits string) {
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
	f.pad(num)
	f.zero = zero
}

// truncateString cuts s to the precision, counted in runes.
func (f *fmt) truncateString(s string) string {
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

// fmtS formats a string.
func (f *fmt) fmtS(s string) {
	f.padString(f.truncateString(s))
}

// fmtSbx formats a string or byte slice as hex: %x, %X, with space
// between bytes for "% x" and 0x prefixes for #.
func (f *fmt) fmtSbx(s string, b []byte, digits string) {
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
	f.pad(buf)
}

// fmtSx formats a string as a hexadecimal encoding of its bytes.
func (f *fmt) fmtSx(s, digits string) {
	f.fmtSbx(s, nil, digits)
}

// fmtBx formats a byte slice as a hexadecimal encoding of its bytes.
func (f *fmt) fmtBx(b []byte, digits string) {
	f.fmtSbx("", b, digits)
}

// fmtQ formats a string as a double-quoted, escaped Go string constant;
// with # a backquoted raw string if possible.
func (f *fmt) fmtQ(s string) {
	s = f.truncateString(s)
	if f.sharp && strconv.CanBackquote(s) {
		f.padString("`" + s + "`")
		return
	}
	if f.plus {
		f.padString(strconv.QuoteToASCII(s))
	} else {
		f.padString(strconv.Quote(s))
	}
}

// fmtC formats an integer as a Unicode character.
func (f *fmt) fmtC(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	f.padString(string(r))
}

// fmtQc formats an integer as a single-quoted, escaped Go character constant.
func (f *fmt) fmtQc(c uint64) {
	r := rune(c)
	if c > utf8.MaxRune {
		r = utf8.RuneError
	}
	if f.plus {
		f.padString(strconv.QuoteRuneToASCII(r))
	} else {
		f.padString(strconv.QuoteRune(r))
	}
}

// fmtFloat formats a float64 with strconv's verb and precision (-1: the
// shortest exact form), then applies the sign flags and padding.
func (f *fmt) fmtFloat(v float64, verb rune, prec int) {
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
		f.padString(s)
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
			f.writeString(s[:1])
			f.wid--
			zero := f.zero
			f.padString(s[1:])
			f.zero = zero
			f.wid++
			return
		}
		f.padString(s)
		return
	}
	// No sign to show.
	f.padString(s[1:])
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
