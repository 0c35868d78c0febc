package net

// dtoiMax caps dtoi's result well inside an int: no port or address part
// comes near it.
const dtoiMax = 0xFFFFFF

// dtoi reads the decimal digits at the start of s: their value, how many
// there were, and whether there were any (false too when the value would
// pass dtoiMax).
func dtoi(s string) (n int, digits int, ok bool) {
	for digits < len(s) {
		c := s[digits]
		if c < '0' || c > '9' {
			break
		}
		n = 10*n + int(c-'0')
		if n >= dtoiMax {
			return dtoiMax, digits, false
		}
		digits++
	}
	return n, digits, digits > 0
}

// SplitHostPort takes "host:port", or "[host]:port" for a host with
// colons in it (IPv6), apart. The port is what follows the last colon.
// The errors are Go's, each an *AddrError naming the whole address.
func SplitHostPort(hostport string) (host, port string, err error) {
	fail := func(why string) (string, string, error) {
		return "", "", &AddrError{Err: why, Addr: hostport}
	}
	colon := lastByte(hostport, ':')
	if colon < 0 {
		return fail("missing port in address")
	}
	// Where a '[' or a ']' would be out of place from.
	openFrom, closeFrom := 0, 0
	if hostport[0] == '[' {
		end := byteIndex(hostport, ']')
		switch {
		case end < 0:
			return fail("missing ']' in address")
		case end+1 == colon:
			// "[host]:port"
		case end+1 < len(hostport) && hostport[end+1] == ':':
			return fail("too many colons in address")
		default:
			// Nothing, or not a colon, after the ']'.
			return fail("missing port in address")
		}
		host = hostport[1:end]
		openFrom, closeFrom = 1, end+1
	} else {
		host = hostport[:colon]
		if byteIndex(host, ':') >= 0 {
			return fail("too many colons in address")
		}
	}
	if byteIndex(hostport[openFrom:], '[') >= 0 {
		return fail("unexpected '[' in address")
	}
	if byteIndex(hostport[closeFrom:], ']') >= 0 {
		return fail("unexpected ']' in address")
	}
	return host, hostport[colon+1:], nil
}

// JoinHostPort is SplitHostPort's inverse: "host:port", with the host in
// brackets when it has a colon (an IPv6 literal).
func JoinHostPort(host, port string) string {
	if byteIndex(host, ':') < 0 {
		return host + ":" + port
	}
	return "[" + host + "]:" + port
}

// lastByte is the index of the last c in s, -1 if none.
func lastByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// byteIndex is the index of the first c in s, -1 if none.
func byteIndex(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
