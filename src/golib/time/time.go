// Package time: instants and durations over the kernel's clock. In virtual
// time (p9rt's default) the clock starts at the kernel's boot wall time and
// advances only when every proc is blocked, so sleeps cost no real time.
package time

// A Time is an instant with nanosecond precision: a wall clock reading
// (seconds since January 1, year 1 UTC, and nanoseconds), plus, for times
// from Now, a monotonic clock reading that Sub, Before, After and Equal
// prefer, as Go's Time does. The zero Time is January 1, year 1, 00:00:00 UTC.
type Time struct {
	sec     int64 // seconds since January 1, year 1 00:00:00 UTC
	nsec    int64 // [0, 999999999]
	mono    int64 // monotonic reading in ns since process start, if hasMono
	hasMono bool
}

// Seconds from January 1, year 1 to January 1, 1970, counted in the
// proleptic Gregorian calendar (Go's unixToInternal).
const (
	secondsPerDay  = 86400
	daysTo1970     = 1969*365 + 1969/4 - 1969/100 + 1969/400
	unixToInternal = daysTo1970 * secondsPerDay
)

// The core's clocks, linked by name (host/abi/defs.ts Intrinsic).
func runtimeNano() int64
func walltime() int64

// startNano makes monotonic readings start at 1, so a reading is never 0.
var startNano = runtimeNano() - 1

// Now returns the current local time (p9rt runs in UTC).
func Now() Time {
	wall := walltime()
	mono := runtimeNano() - startNano
	return Time{sec: wall/1e9 + unixToInternal, nsec: wall % 1e9, mono: mono, hasMono: true}
}

// Unix returns the Time corresponding to the given Unix time, sec seconds
// and nsec nanoseconds since January 1, 1970 UTC. nsec may be outside
// [0, 999999999].
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec + unixToInternal, nsec: nsec}
}

// UnixMilli returns the Time corresponding to msec milliseconds since 1970.
func UnixMilli(msec int64) Time {
	return Unix(msec/1e3, (msec%1e3)*1e6)
}

// Unix returns t as a Unix time, the number of seconds since 1970.
func (t Time) Unix() int64 { return t.sec - unixToInternal }

// UnixNano returns t as a Unix time in nanoseconds.
func (t Time) UnixNano() int64 { return (t.sec-unixToInternal)*1e9 + t.nsec }

// UnixMilli returns t as a Unix time in milliseconds.
func (t Time) UnixMilli() int64 { return (t.sec-unixToInternal)*1e3 + t.nsec/1e6 }

// Nanosecond returns the nanosecond offset within the second.
func (t Time) Nanosecond() int { return int(t.nsec) }

// IsZero reports whether t is the zero instant, January 1, year 1 UTC.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 }

// After reports whether the instant t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether the instant t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u represent the same instant.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Add returns the time t+d. The monotonic reading moves with the wall
// reading; Go drops it only when it would overflow, which a Duration cannot
// do here.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int64(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.hasMono {
		// As Go's: a monotonic reading out of range degrades the time to
		// wall-clock only (Dial with a Timeout of 1<<63-1 relies on it).
		te := t.mono + int64(d)
		if d < 0 && te > t.mono || d > 0 && te < t.mono {
			t.hasMono = false
			t.mono = 0
		} else {
			t.mono = te
		}
	}
	return t
}

// Sub returns the duration t-u, saturating at the largest or smallest
// Duration. If both carry monotonic readings, those are used.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		return subMono(t.mono, u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	// Overflow check, as Go's: d must land back on t when added to u.
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

func subMono(t, u int64) Duration {
	d := Duration(t - u)
	if d < 0 && t > u {
		return maxDuration // t - u is positive out of range
	}
	if d > 0 && t < u {
		return minDuration // t - u is negative out of range
	}
	return d
}

// Since returns the time elapsed since t: Now().Sub(t).
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t: t.Sub(Now()).
func Until(t Time) Duration { return t.Sub(Now()) }

// Round(0) and Truncate(0) strip the monotonic reading, as in Go.
func (t Time) Round(d Duration) Time {
	t.hasMono = false
	t.mono = 0
	if d <= 0 {
		return t
	}
	r := Duration(t.UnixNano() % int64(d))
	if r+r < d {
		return t.Add(-r)
	}
	return t.Add(d - r)
}

func (t Time) Truncate(d Duration) Time {
	t.hasMono = false
	t.mono = 0
	if d <= 0 {
		return t
	}
	return t.Add(-Duration(t.UnixNano() % int64(d)))
}
