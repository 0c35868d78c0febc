// Package strconv: numbers, booleans and quoted strings to text and back
// (the parts docs/language.md lists, and what fmt needs).
package strconv

// numerals are the digits of every base up to 36, lower case past 9.
const numerals = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatUint writes i in base (2 to 36).
func FormatUint(i uint64, base int) string {
	return string(AppendUint(nil, i, base))
}

// FormatInt writes i in base (2 to 36), with a '-' when negative.
func FormatInt(i int64, base int) string {
	return string(AppendInt(nil, i, base))
}

// Itoa writes i in decimal.
func Itoa(i int) string {
	return string(AppendInt(nil, int64(i), 10))
}

// AppendInt is FormatInt appending to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	if i < 0 {
		// -i overflows for the most negative value, but as a uint64
		// the two's complement is the right magnitude.
		return appendBase(append(dst, '-'), uint64(-i), base)
	}
	return appendBase(dst, uint64(i), base)
}

// AppendUint is FormatUint appending to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendBase(dst, i, base)
}

// appendBase appends u's digits in base, found from the lowest up into a
// scratch array as wide as the longest answer (64 binary digits).
func appendBase(dst []byte, u uint64, base int) []byte {
	if base < 2 || base > 36 {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var scratch [64]byte
	at := len(scratch)
	for radix := uint64(base); ; u /= radix {
		at--
		scratch[at] = numerals[u%radix]
		if u < radix {
			break
		}
	}
	return append(dst, scratch[at:]...)
}

// FormatBool answers "true" or "false".
func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// AppendBool appends "true" or "false" to dst.
func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}
