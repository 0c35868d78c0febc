package strconv

import "unicode/utf8"

const lowerhex = "0123456789abcdef"

// Quote returns a double-quoted Go string literal representing s, with Go
// escapes for control characters and non-printable runes (as IsPrint
// defines them), and \x for bytes that are not valid UTF-8.
func Quote(s string) string {
	return string(appendQuoted(make([]byte, 0, 3*len(s)/2), s, '"', false))
}

// AppendQuote appends the double-quoted literal of s to dst.
func AppendQuote(dst []byte, s string) []byte {
	return appendQuoted(dst, s, '"', false)
}

// QuoteToASCII is Quote with every non-ASCII rune escaped.
func QuoteToASCII(s string) string {
	return string(appendQuoted(make([]byte, 0, 3*len(s)/2), s, '"', true))
}

// QuoteRune returns a single-quoted Go character literal representing r.
func QuoteRune(r rune) string {
	return string(AppendQuoteRune(nil, r))
}

// AppendQuoteRune appends the single-quoted literal of r to dst.
func AppendQuoteRune(dst []byte, r rune) []byte {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	dst = append(dst, '\'')
	dst = appendEscaped(dst, r, '\'', false)
	return append(dst, '\'')
}

// QuoteRuneToASCII is QuoteRune with a non-ASCII rune escaped.
func QuoteRuneToASCII(r rune) string {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError
	}
	b := append([]byte{'\''}, appendEscaped(nil, r, '\'', true)...)
	return string(append(b, '\''))
}

func appendQuoted(buf []byte, s string, quote byte, asciiOnly bool) []byte {
	buf = append(buf, quote)
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && width == 1 {
			// An invalid byte: show it as itself, in hex.
			buf = append(buf, '\\', 'x', lowerhex[s[i]>>4], lowerhex[s[i]&0xF])
			i++
			continue
		}
		buf = appendEscaped(buf, r, quote, asciiOnly)
		i += width
	}
	return append(buf, quote)
}

// appendEscaped appends r as it appears inside a literal quoted by quote.
func appendEscaped(buf []byte, r rune, quote byte, asciiOnly bool) []byte {
	if r == rune(quote) || r == '\\' {
		return append(buf, '\\', byte(r))
	}
	if asciiOnly {
		if r < utf8.RuneSelf && IsPrint(r) {
			return append(buf, byte(r))
		}
	} else if IsPrint(r) {
		return utf8.AppendRune(buf, r)
	}
	switch r {
	case '\a':
		return append(buf, '\\', 'a')
	case '\b':
		return append(buf, '\\', 'b')
	case '\f':
		return append(buf, '\\', 'f')
	case '\n':
		return append(buf, '\\', 'n')
	case '\r':
		return append(buf, '\\', 'r')
	case '\t':
		return append(buf, '\\', 't')
	case '\v':
		return append(buf, '\\', 'v')
	}
	switch {
	case r < ' ' || r == 0x7f:
		return append(buf, '\\', 'x', lowerhex[byte(r)>>4], lowerhex[byte(r)&0xF])
	case r < 0x10000:
		buf = append(buf, '\\', 'u')
		for s := 12; s >= 0; s -= 4 {
			buf = append(buf, lowerhex[r>>uint(s)&0xF])
		}
		return buf
	}
	buf = append(buf, '\\', 'U')
	for s := 28; s >= 0; s -= 4 {
		buf = append(buf, lowerhex[r>>uint(s)&0xF])
	}
	return buf
}

// CanBackquote reports whether s can be represented unchanged as a
// single-line backquoted string.
func CanBackquote(s string) bool {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if w > 1 {
			if r == '\ufeff' {
				return false
			}
			continue
		}
		if r == utf8.RuneError {
			return false
		}
		if (r < ' ' && r != '\t') || r == '`' || r == 0x7F {
			return false
		}
	}
	return true
}

// IsPrint reports whether r is printable as Go defines it: a letter, mark,
// number, punctuation, symbol or the ASCII space. ASCII is exact; beyond
// it, p9rt has no Unicode tables and treats as non-printable the control,
// format, separator, private-use, surrogate and noncharacter ranges, and
// everything else as printable.
func IsPrint(r rune) bool {
	if r < 0x80 {
		return 0x20 <= r && r < 0x7F
	}
	switch {
	case r < 0xA1: // C1 controls and NO-BREAK SPACE
		return false
	case r == 0xAD: // SOFT HYPHEN
		return false
	case r == 0x034F || r == 0x061C || r == 0x1680 || r == 0x180E:
		return false
	case 0x2000 <= r && r <= 0x200F, 0x2028 <= r && r <= 0x202F, 0x205F <= r && r <= 0x206F:
		return false
	case r == 0x3000 || r == 0xFEFF:
		return false
	case 0xD800 <= r && r <= 0xF8FF: // surrogates and private use
		return false
	case 0xFFF0 <= r && r <= 0xFFFB, r&0xFFFE == 0xFFFE:
		return false
	case 0xE0000 <= r:
		return false
	}
	return utf8.ValidRune(r)
}
