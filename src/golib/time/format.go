package time

// A Duration is a span of time in nanoseconds, about 292 years either way.
type Duration int64

// The ends of a Duration's range.
const (
	minDuration = Duration(-1 << 63)
	maxDuration = Duration(1<<63 - 1)
)

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns the duration as Go prints it: "72h3m0.5s", "1.5ms",
// "300µs", "100ns", "0s". Units below a second are used only for
// durations under a second; trailing zeros of a fraction are dropped.
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	if d < 0 {
		u = -u // also right for minDuration: 1<<63 as uint64
	}
	var s string
	switch {
	case u < uint64(Microsecond):
		s = utoa(u) + "ns"
	case u < uint64(Millisecond):
		s = decimal(u, 3) + "µs"
	case u < uint64(Second):
		s = decimal(u, 6) + "ms"
	default:
		h := u / uint64(Hour)
		u -= h * uint64(Hour)
		m := u / uint64(Minute)
		u -= m * uint64(Minute)
		s = decimal(u, 9) + "s"
		if h > 0 {
			s = utoa(h) + "h" + utoa(m) + "m" + s
		} else if m > 0 {
			s = utoa(m) + "m" + s
		}
	}
	if d < 0 {
		s = "-" + s
	}
	return s
}

// decimal formats v / 10^prec with the fraction's trailing zeros dropped.
func decimal(v uint64, prec int) string {
	p := uint64(1)
	for i := 0; i < prec; i++ {
		p *= 10
	}
	s := utoa(v / p)
	f := v % p
	if f == 0 {
		return s
	}
	var digits [9]byte
	for i := prec - 1; i >= 0; i-- {
		digits[i] = byte('0' + f%10)
		f /= 10
	}
	n := prec
	for n > 0 && digits[n-1] == '0' {
		n--
	}
	return s + "." + string(digits[:n])
}

func utoa(v uint64) string {
	if v == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return string(buf[i:])
}

// Nanoseconds, Microseconds and Milliseconds count whole units, rounding
// toward zero.
func (d Duration) Nanoseconds() int64  { return int64(d) }
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds, Minutes and Hours answer d in that unit as a float.
func (d Duration) Seconds() float64 { return d.in(Second) }
func (d Duration) Minutes() float64 { return d.in(Minute) }
func (d Duration) Hours() float64   { return d.in(Hour) }

// in converts the whole units and the remainder apart: converting d at once
// would lose the low nanoseconds of a long duration to float64's 53 bits.
func (d Duration) in(unit Duration) float64 {
	return float64(d/unit) + float64(d%unit)/float64(unit)
}

// Truncate answers d rounded toward zero to a multiple of m (d itself for
// an m of 0 or less).
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round answers the multiple of m nearest to d, a tie going away from zero;
// when that multiple is beyond what a Duration holds, the extreme Duration
// of d's sign. An m of 0 or less leaves d as it is.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	off := d % m // same sign as d
	if d < 0 {
		off = -off
	}
	// Down (toward zero) when off is under half of m.
	if uint64(off)*2 < uint64(m) {
		if d < 0 {
			return d + off
		}
		return d - off
	}
	// Otherwise away from zero, unless that wraps around.
	if d < 0 {
		if away := d - (m - off); away < d {
			return away
		}
		return minDuration
	}
	if away := d + (m - off); away > d {
		return away
	}
	return maxDuration
}

// Abs answers |d|; the most negative Duration, which has no opposite,
// gives the most positive one.
func (d Duration) Abs() Duration {
	if d >= 0 {
		return d
	}
	if d == minDuration {
		return maxDuration
	}
	return -d
}
