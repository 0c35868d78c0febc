package net

import "internal/itoa"

// IP address lengths (bytes).
const (
	IPv4len = 4
	IPv6len = 16
)

// An IP is a single IP address, a slice of bytes: 4 bytes for IPv4, or 16
// bytes with the IPv4-in-IPv6 prefix (as ParseIP returns). p9rt's network
// is an IPv4 loopback, so only IPv4 text is parsed.
type IP []byte

var v4InV6Prefix = []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}

// IPv4 returns the IP address (in 16-byte form) of the IPv4 address a.b.c.d.
func IPv4(a, b, c, d byte) IP {
	p := make(IP, IPv6len)
	copy(p, v4InV6Prefix)
	p[12] = a
	p[13] = b
	p[14] = c
	p[15] = d
	return p
}

// Well-known IPv4 addresses.
var (
	IPv4zero = IPv4(0, 0, 0, 0)
)

// IPv6zero is the IPv6 unspecified address.
var IPv6zero = make(IP, IPv6len)

// To4 converts the IPv4 address ip to a 4-byte representation. If ip is
// not an IPv4 address, To4 returns nil.
func (ip IP) To4() IP {
	if len(ip) == IPv4len {
		return ip
	}
	if len(ip) == IPv6len {
		for i := 0; i < 10; i++ {
			if ip[i] != 0 {
				return nil
			}
		}
		if ip[10] == 0xff && ip[11] == 0xff {
			return ip[12:16]
		}
	}
	return nil
}

// IsUnspecified reports whether ip is an unspecified address, either the
// IPv4 address "0.0.0.0" or the IPv6 address "::".
func (ip IP) IsUnspecified() bool {
	return ip.Equal(IPv4zero) || ip.Equal(IPv6zero)
}

// IsLoopback reports whether ip is a loopback address.
func (ip IP) IsLoopback() bool {
	if ip4 := ip.To4(); ip4 != nil {
		return ip4[0] == 127
	}
	return false
}

// Equal reports whether ip and x are the same IP address. An IPv4 address
// and that same address in IPv6 form are considered to be equal.
func (ip IP) Equal(x IP) bool {
	if len(ip) == len(x) {
		return bytesEqual(ip, x)
	}
	a, b := ip.To4(), x.To4()
	return a != nil && b != nil && bytesEqual(a, b)
}

func bytesEqual(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// String returns the string form of the IP address ip: "<nil>" for a nil
// IP, dotted decimal for IPv4.
func (ip IP) String() string {
	if len(ip) == 0 {
		return "<nil>"
	}
	if p4 := ip.To4(); len(p4) == IPv4len {
		return itoa.Itoa(int(p4[0])) + "." + itoa.Itoa(int(p4[1])) + "." + itoa.Itoa(int(p4[2])) + "." + itoa.Itoa(int(p4[3]))
	}
	const hexDigit = "0123456789abcdef"
	s := "?"
	for _, b := range ip {
		s += string(hexDigit[b>>4]) + string(hexDigit[b&0xf])
	}
	return s
}

// ipEmptyString is like ip.String except that it returns an empty string
// when ip is unset.
func ipEmptyString(ip IP) string {
	if len(ip) == 0 {
		return ""
	}
	return ip.String()
}

// ParseIP parses s as an IPv4 address in dotted decimal form, returning
// its 16-byte form, or nil if s is not a valid IPv4 address.
func ParseIP(s string) IP {
	var p [IPv4len]byte
	for i := 0; i < IPv4len; i++ {
		if len(s) == 0 {
			return nil
		}
		if i > 0 {
			if s[0] != '.' {
				return nil
			}
			s = s[1:]
		}
		n, c, ok := dtoi(s)
		if !ok || n > 0xFF || c > 1 && s[0] == '0' {
			return nil
		}
		s = s[c:]
		p[i] = byte(n)
	}
	if len(s) != 0 {
		return nil
	}
	return IPv4(p[0], p[1], p[2], p[3])
}

// loopbackIP is the loopback address for a network.
func loopbackIP(net string) IP {
	return IP{127, 0, 0, 1}
}

// To16 converts the IP address ip to a 16-byte representation. If ip is
// not an IP address (it is the wrong length), To16 returns nil.
func (ip IP) To16() IP {
	if len(ip) == IPv4len {
		return IPv4(ip[0], ip[1], ip[2], ip[3])
	}
	if len(ip) == IPv6len {
		return ip
	}
	return nil
}
