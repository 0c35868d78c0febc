package time

// A Duration represents the elapsed time between two instants
// as an int64 nanosecond count.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
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

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Truncate returns d rounded toward zero to a multiple of m.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Round returns d rounded to the nearest multiple of m, halfway values away
// from zero; a result that overflows saturates at the extreme Duration.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if d < 0 {
		r = -r
		if lessThanHalf(r, m) {
			return d + r
		}
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration
	}
	if lessThanHalf(r, m) {
		return d - r
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration
}

// Abs returns the absolute value of d; minDuration becomes maxDuration.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	default:
		return -d
	}
}

// lessThanHalf reports whether x+x < y without overflowing (x, y >= 0).
func lessThanHalf(x, y Duration) bool {
	return uint64(x)+uint64(x) < uint64(y)
}
