// Package strconv implements conversions to and from string
// representations of basic data types (the parts docs/language.md lists, and
// what fmt needs).
package strconv

const digits = "0123456789abcdefghijklmnopqrstuvwxyz"

// FormatUint returns the string representation of i in the given base,
// for 2 <= base <= 36. The result uses the lower-case letters 'a' to 'z'
// for digit values >= 10.
func FormatUint(i uint64, base int) string {
	return string(AppendUint(nil, i, base))
}

// FormatInt returns the string representation of i in the given base.
func FormatInt(i int64, base int) string {
	return string(AppendInt(nil, i, base))
}

// Itoa is equivalent to FormatInt(int64(i), 10).
func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// AppendInt appends the string form of the integer i to dst.
func AppendInt(dst []byte, i int64, base int) []byte {
	if i < 0 {
		// -i overflows for the most negative value, but as a uint64
		// the two's complement is the right magnitude.
		return appendBase(append(dst, '-'), uint64(-i), base)
	}
	return appendBase(dst, uint64(i), base)
}

// AppendUint appends the string form of the unsigned integer i to dst.
func AppendUint(dst []byte, i uint64, base int) []byte {
	return appendBase(dst, i, base)
}

func appendBase(dst []byte, u uint64, base int) []byte {
	if base < 2 || base > len(digits) {
		panic("strconv: illegal AppendInt/FormatInt base")
	}
	var a [64]byte
	i := len(a)
	b := uint64(base)
	for u >= b {
		i--
		a[i] = digits[u%b]
		u /= b
	}
	i--
	a[i] = digits[u]
	return append(dst, a[i:]...)
}

// FormatBool returns "true" or "false" according to the value of b.
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
