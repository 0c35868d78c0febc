package net

import "internal/itoa"

// Lengths of the two address forms, in bytes.
const (
	IPv4len = 4
	IPv6len = 16
)

// An IP is an address as bytes: 4 for the short IPv4 form, 16 otherwise; an
// IPv4 address in 16 bytes is ::ffff:a.b.c.d, the form ParseIP and IPv4 make.
type IP []byte

// IPv4 makes the 16-byte form of a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	return IP{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d}
}

var (
	IPv4zero = IPv4(0, 0, 0, 0)  // 0.0.0.0
	IPv6zero = make(IP, IPv6len) // ::
)

// isV4Mapped says whether a 16-byte ip is ::ffff:a.b.c.d.
func isV4Mapped(ip IP) bool {
	for _, b := range ip[:10] {
		if b != 0 {
			return false
		}
	}
	return ip[10] == 0xff && ip[11] == 0xff
}

// To4 answers the 4-byte form of an IPv4 address, nil for any other.
func (ip IP) To4() IP {
	switch {
	case len(ip) == IPv4len:
		return ip
	case len(ip) == IPv6len && isV4Mapped(ip):
		return ip[12:]
	}
	return nil
}

// To16 answers the 16-byte form, nil for a slice of another length.
func (ip IP) To16() IP {
	switch len(ip) {
	case IPv4len:
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	case IPv6len:
		return ip
	}
	return nil
}

// IsUnspecified: 0.0.0.0 or ::.
func (ip IP) IsUnspecified() bool {
	return ip.Equal(IPv4zero) || ip.Equal(IPv6zero)
}

// IsLoopback: 127.0.0.0/8 or ::1.
func (ip IP) IsLoopback() bool {
	if v4 := ip.To4(); v4 != nil {
		return v4[0] == 127
	}
	return ip.Equal(IP{15: 1})
}

// Equal compares addresses, so the two forms of one IPv4 address are equal.
func (ip IP) Equal(x IP) bool {
	a, b := ip.To16(), x.To16()
	if a == nil || b == nil {
		return len(ip) == len(x) && string(ip) == string(x)
	}
	return string(a) == string(b)
}

// String is the usual text of the address: dotted decimal for IPv4, RFC
// 5952's form for IPv6 (lower-case hex, the longest run of two or more zero
// groups written ::), "<nil>" for an empty IP, and a '?' then the bytes in
// hex for a slice of another length, as Go prints them.
func (ip IP) String() string {
	switch {
	case len(ip) == 0:
		return "<nil>"
	case ip.To4() != nil:
		v4 := ip.To4()
		return itoa.Itoa(int(v4[0])) + "." + itoa.Itoa(int(v4[1])) + "." +
			itoa.Itoa(int(v4[2])) + "." + itoa.Itoa(int(v4[3]))
	case len(ip) != IPv6len:
		return "?" + hexBytes(ip)
	}
	// Find the longest run of zero groups (the first, on a tie).
	runAt, runLen := -1, 0
	for g := 0; g < 8; {
		if ip[2*g] != 0 || ip[2*g+1] != 0 {
			g++
			continue
		}
		end := g
		for end < 8 && ip[2*end] == 0 && ip[2*end+1] == 0 {
			end++
		}
		if end-g >= 2 && end-g > runLen {
			runAt, runLen = g, end-g
		}
		g = end
	}
	s := ""
	for g := 0; g < 8; g++ {
		if g == runAt {
			s += "::"
			g += runLen - 1
			continue
		}
		if g > 0 && g != runAt+runLen {
			s += ":"
		}
		s += hexGroup(uint(ip[2*g])<<8 | uint(ip[2*g+1]))
	}
	return s
}

const hexDigits = "0123456789abcdef"

// hexGroup is v in hex without leading zeros.
func hexGroup(v uint) string {
	if v == 0 {
		return "0"
	}
	var b [4]byte
	i := len(b)
	for ; v > 0; v >>= 4 {
		i--
		b[i] = hexDigits[v&0xf]
	}
	return string(b[i:])
}

func hexBytes(p []byte) string {
	out := make([]byte, 0, 2*len(p))
	for _, b := range p {
		out = append(out, hexDigits[b>>4], hexDigits[b&0xf])
	}
	return string(out)
}

// ipEmptyString is ip's text, or "" for no address (how an Addr with no IP
// prints its host).
func ipEmptyString(ip IP) string {
	if len(ip) == 0 {
		return ""
	}
	return ip.String()
}

// ParseIP reads an address in dotted decimal (IPv4) or in IPv6 text
// (including a trailing dotted IPv4 part), answering its 16-byte form, or
// nil when s is neither.
func ParseIP(s string) IP {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			if v4, ok := parseIPv4(s); ok {
				return IPv4(v4[0], v4[1], v4[2], v4[3])
			}
			return nil
		case ':':
			return parseIPv6(s)
		}
	}
	return nil
}

// parseIPv4 reads exactly four decimal fields of at most 255, without
// leading zeros.
func parseIPv4(s string) (v4 [IPv4len]byte, ok bool) {
	for f := 0; f < IPv4len; f++ {
		if f > 0 {
			if len(s) == 0 || s[0] != '.' {
				return v4, false
			}
			s = s[1:]
		}
		n, digits, ok := dtoi(s)
		if !ok || n > 255 || digits > 1 && s[0] == '0' {
			return v4, false
		}
		v4[f] = byte(n)
		s = s[digits:]
	}
	return v4, len(s) == 0
}

// parseIPv6 reads up to eight hex groups separated by ':', at most one "::"
// standing for the zero groups needed to make eight, and optionally an IPv4
// address as the last 32 bits.
func parseIPv6(s string) IP {
	ip := make(IP, IPv6len)
	gap := -1 // byte offset of "::", if any
	at := 0
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		gap = 0
		s = s[2:]
	}
	for len(s) > 0 && at < IPv6len {
		if v4, ok := parseIPv4(s); ok {
			if at > IPv6len-IPv4len {
				return nil
			}
			copy(ip[at:], v4[:])
			at += IPv4len
			s = ""
			break
		}
		v, digits := 0, 0
		for digits < len(s) && digits < 5 {
			d := hexValue(s[digits])
			if d < 0 {
				break
			}
			v = v<<4 | d
			digits++
		}
		if digits == 0 || digits > 4 {
			return nil
		}
		ip[at], ip[at+1] = byte(v>>8), byte(v)
		at += 2
		s = s[digits:]
		if len(s) == 0 {
			break
		}
		if s[0] != ':' || len(s) == 1 {
			return nil
		}
		s = s[1:]
		if s[0] == ':' {
			if gap >= 0 {
				return nil // a second "::"
			}
			gap = at
			s = s[1:]
		}
	}
	if len(s) != 0 {
		return nil
	}
	if gap < 0 {
		if at != IPv6len {
			return nil
		}
		return ip
	}
	if at == IPv6len {
		return nil // "::" must stand for at least one group
	}
	// Move the groups after the gap to the end; zero what they leave.
	n := at - gap
	copy(ip[IPv6len-n:], ip[gap:at])
	for i := gap; i < IPv6len-n; i++ {
		ip[i] = 0
	}
	return ip
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// loopbackIP is the address a wildcard dial reaches: p9rt's network is an
// IPv4 loopback.
func loopbackIP(net string) IP {
	return IP{127, 0, 0, 1}
}
