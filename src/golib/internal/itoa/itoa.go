// Package itoa is Go's internal/itoa: integer to text without strconv, for
// the packages strconv itself sits above (internal/poll, net, os).
package itoa

// Itoa is the decimal text of val.
func Itoa(val int) string {
	if val < 0 {
		// -val overflows for the most negative int; uint(-val) still holds
		// its magnitude, as in Go.
		return "-" + Uitoa(uint(-val))
	}
	return Uitoa(uint(val))
}

// Uitoa is the decimal text of val.
func Uitoa(val uint) string {
	if val == 0 {
		return "0" // no buffer for the common case
	}
	var buf [20]byte // a 64-bit value has at most 20 decimal digits
	i := len(buf)
	for val > 0 {
		i--
		buf[i] = byte('0' + val%10)
		val /= 10
	}
	return string(buf[i:])
}

const hex = "0123456789abcdef"

// Uitox is the hexadecimal text of val, with a 0x prefix.
func Uitox(val uint) string {
	if val == 0 {
		return "0x0"
	}
	var buf [18]byte // 0x and 16 hex digits
	i := len(buf)
	for val > 0 {
		i--
		buf[i] = hex[val%16]
		val /= 16
	}
	i--
	buf[i] = 'x'
	i--
	buf[i] = '0'
	return string(buf[i:])
}
