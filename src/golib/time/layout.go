package time

// Calendar fields and Format. p9rt runs in UTC only: every Time is shown in
// UTC, the zone is "UTC" and its offset zero (Go's time/format.go is the
// reference for the layout language; this is p9rt's own).

// The layouts Go predefines.
const (
	Layout      = "01/02 03:04:05PM '06 -0700"
	ANSIC       = "Mon Jan _2 15:04:05 2006"
	UnixDate    = "Mon Jan _2 15:04:05 MST 2006"
	RubyDate    = "Mon Jan 02 15:04:05 -0700 2006"
	RFC822      = "02 Jan 06 15:04 MST"
	RFC822Z     = "02 Jan 06 15:04 -0700"
	RFC850      = "Monday, 02-Jan-06 15:04:05 MST"
	RFC1123     = "Mon, 02 Jan 2006 15:04:05 MST"
	RFC1123Z    = "Mon, 02 Jan 2006 15:04:05 -0700"
	RFC3339     = "2006-01-02T15:04:05Z07:00"
	RFC3339Nano = "2006-01-02T15:04:05.999999999Z07:00"
	Kitchen     = "3:04PM"
	Stamp       = "Jan _2 15:04:05"
	StampMilli  = "Jan _2 15:04:05.000"
	StampMicro  = "Jan _2 15:04:05.000000"
	StampNano   = "Jan _2 15:04:05.000000000"
)

// A Month of the year, January = 1.
type Month int

const (
	January Month = 1 + iota
	February
	March
	April
	May
	June
	July
	August
	September
	October
	November
	December
)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// String is the month's English name; an out-of-range month is "%!Month(n)",
// n printed as unsigned, as Go prints it.
func (m Month) String() string {
	if January <= m && m <= December {
		return monthNames[m-1]
	}
	return "%!Month(" + utoa(uint64(m)) + ")"
}

// A Weekday, Sunday = 0.
type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

var dayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// String is the day's English name; an out-of-range day is "%!Weekday(n)".
func (d Weekday) String() string {
	if Sunday <= d && d <= Saturday {
		return dayNames[d]
	}
	return "%!Weekday(" + utoa(uint64(d)) + ")"
}

// civil splits t into its date, counting days in the proleptic Gregorian
// calendar by 400-year eras (each 146097 days), with years starting in
// March so that the leap day falls at the end.
func (t Time) civil() (year int, month Month, day int, yday int) {
	days := t.sec / secondsPerDay
	if t.sec < 0 && t.sec%secondsPerDay != 0 {
		days--
	}
	// Days from 0000-03-01: January 1 of year 1 is day 306 of year 0's count.
	z := days + 306
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // [0, 146096]
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100) // [0, 365], from March 1
	mp := (5*doy + 2) / 153                  // [0, 11], March = 0
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
		y++
	}
	year, month, day = int(y), Month(m), int(d)
	yday = day - 1 + daysBefore(month)
	if month > February && isLeap(year) {
		yday++
	}
	return year, month, day, yday + 1
}

func isLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

// daysBefore is how many days of a common year precede month m.
func daysBefore(m Month) int {
	n := 0
	for i := January; i < m; i++ {
		switch i {
		case February:
			n += 28
		case April, June, September, November:
			n += 30
		default:
			n += 31
		}
	}
	return n
}

// secOfDay is the seconds since midnight.
func (t Time) secOfDay() int {
	s := t.sec % secondsPerDay
	if s < 0 {
		s += secondsPerDay
	}
	return int(s)
}

// Date returns the year, month and day of t.
func (t Time) Date() (year int, month Month, day int) {
	year, month, day, _ = t.civil()
	return
}

func (t Time) Year() int {
	y, _, _, _ := t.civil()
	return y
}

func (t Time) Month() Month {
	_, m, _, _ := t.civil()
	return m
}

func (t Time) Day() int {
	_, _, d, _ := t.civil()
	return d
}

// YearDay is the day of the year, 1 to 366.
func (t Time) YearDay() int {
	_, _, _, yd := t.civil()
	return yd
}

// Weekday: January 1 of year 1 was a Monday.
func (t Time) Weekday() Weekday {
	days := t.sec / secondsPerDay
	if t.sec < 0 && t.sec%secondsPerDay != 0 {
		days--
	}
	w := (days + 1) % 7
	if w < 0 {
		w += 7
	}
	return Weekday(w)
}

// Clock returns the hour, minute and second of t.
func (t Time) Clock() (hour, min, sec int) {
	s := t.secOfDay()
	return s / 3600, s % 3600 / 60, s % 60
}

func (t Time) Hour() int   { return t.secOfDay() / 3600 }
func (t Time) Minute() int { return t.secOfDay() % 3600 / 60 }
func (t Time) Second() int { return t.secOfDay() % 60 }

// UTC returns t in UTC (p9rt's only location), without its monotonic reading
// kept only by Now's times, as Go does when the location is set.
func (t Time) UTC() Time { return t }

// Local is t in the local location, which on p9rt is UTC.
func (t Time) Local() Time { return t }

// Date returns the Time of the given civil date and clock in UTC; loc is
// accepted for Go's signature and must be UTC, nil or Local, which are the
// same here. Out-of-range fields carry into the next larger one.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Date")
	}
	m := int(month) - 1
	year += m / 12
	m %= 12
	if m < 0 {
		m += 12
		year--
	}
	// Days from 0000-03-01 to the first of the month, by eras, as in civil.
	y := int64(year)
	mm := int64(m + 1)
	if mm <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (mm + 9) % 12
	doy := (153*mp+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 306
	s := days*secondsPerDay + int64(hour)*3600 + int64(min)*60 + int64(sec)
	s += int64(nsec) / 1e9
	ns := int64(nsec) % 1e9
	if ns < 0 {
		ns += 1e9
		s--
	}
	return Time{sec: s, nsec: ns}
}

// A Location is a time zone; p9rt has only UTC.
type Location struct {
	name string
}

// UTC is Coordinated Universal Time; Local is the same on p9rt.
var (
	UTC   *Location = &utcLoc
	Local *Location = &utcLoc
)

var utcLoc = Location{"UTC"}

func (l *Location) String() string { return l.name }

// Location returns UTC.
func (t Time) Location() *Location { return UTC }

// In returns t; every location is UTC here.
func (t Time) In(loc *Location) Time {
	if loc == nil {
		panic("time: missing Location in call to Time.In")
	}
	return t
}

// String is t in the layout "2006-01-02 15:04:05.999999999 -0700 MST", with
// the monotonic reading as " m=±s.nnnnnnnnn" when t has one, as Go prints it.
func (t Time) String() string {
	s := t.Format("2006-01-02 15:04:05.999999999 -0700 MST")
	if t.hasMono {
		m := t.mono
		sign := byte('+')
		if m < 0 {
			sign = '-'
			m = -m
		}
		frac := utoa(uint64(m % 1e9))
		for len(frac) < 9 {
			frac = "0" + frac
		}
		s += " m=" + string(sign) + utoa(uint64(m/1e9)) + "." + frac
	}
	return s
}

// Format writes t in the layout, Go's reference time Mon Jan 2 15:04:05 MST
// 2006 spelled the way t should be.
func (t Time) Format(layout string) string {
	return string(t.AppendFormat(make([]byte, 0, len(layout)+10), layout))
}

// pad appends v in at least width digits, padded with c.
func pad(b []byte, v int, width int, c byte) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	s := utoa(uint64(v))
	for i := len(s); i < width; i++ {
		b = append(b, c)
	}
	return append(b, s...)
}

// AppendFormat is Format appending to b.
func (t Time) AppendFormat(b []byte, layout string) []byte {
	year, month, day, yday := t.civil()
	hour, min, sec := t.Clock()
	for i := 0; i < len(layout); {
		rest := layout[i:]
		tok, n := layoutToken(rest)
		if n == 0 {
			b = append(b, layout[i])
			i++
			continue
		}
		i += n
		switch tok {
		case "January":
			b = append(b, month.String()...)
		case "Jan":
			b = append(b, month.String()[:3]...)
		case "Monday":
			b = append(b, t.Weekday().String()...)
		case "Mon":
			b = append(b, t.Weekday().String()[:3]...)
		case "2006":
			b = pad(b, year, 4, '0')
		case "06":
			b = pad(b, year%100, 2, '0')
		case "01":
			b = pad(b, int(month), 2, '0')
		case "1":
			b = pad(b, int(month), 0, '0')
		case "02":
			b = pad(b, day, 2, '0')
		case "_2":
			b = pad(b, day, 2, ' ')
		case "2":
			b = pad(b, day, 0, '0')
		case "002":
			b = pad(b, yday, 3, '0')
		case "__2":
			b = pad(b, yday, 3, ' ')
		case "15":
			b = pad(b, hour, 2, '0')
		case "03", "3":
			h := hour % 12
			if h == 0 {
				h = 12
			}
			if tok == "03" {
				b = pad(b, h, 2, '0')
			} else {
				b = pad(b, h, 0, '0')
			}
		case "04":
			b = pad(b, min, 2, '0')
		case "4":
			b = pad(b, min, 0, '0')
		case "05":
			b = pad(b, sec, 2, '0')
		case "5":
			b = pad(b, sec, 0, '0')
		case "PM", "pm":
			ampm := "AM"
			if hour >= 12 {
				ampm = "PM"
			}
			if tok == "pm" {
				ampm = string([]byte{ampm[0] + 'a' - 'A', 'm'})
			}
			b = append(b, ampm...)
		case "MST":
			b = append(b, "UTC"...)
		case "Z07:00:00", "Z07:00", "Z0700", "Z070000", "Z07":
			b = append(b, 'Z')
		case "-07:00:00":
			b = append(b, "+00:00:00"...)
		case "-07:00":
			b = append(b, "+00:00"...)
		case "-070000":
			b = append(b, "+000000"...)
		case "-0700":
			b = append(b, "+0000"...)
		case "-07":
			b = append(b, "+00"...)
		default:
			// A fraction of a second: ".000" keeps the zeros, ".999" drops trailing ones.
			b = appendFraction(b, tok, t.nsec)
		}
	}
	return b
}

// appendFraction writes nsec for a token like ".000", ",999".
func appendFraction(b []byte, tok string, nsec int64) []byte {
	digits := len(tok) - 1
	var d [9]byte
	v := nsec
	for i := 8; i >= 0; i-- {
		d[i] = byte('0' + v%10)
		v /= 10
	}
	frac := d[:digits]
	if tok[1] == '9' {
		for len(frac) > 0 && frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		if len(frac) == 0 {
			return b
		}
	}
	b = append(b, tok[0])
	return append(b, frac...)
}

// layoutToken finds the layout element at the start of s: the element and
// its length, or length 0 for a literal byte.
func layoutToken(s string) (string, int) {
	long := []string{"January", "Monday", "Z07:00:00", "-07:00:00", "Z070000", "-070000",
		"Z07:00", "-07:00", "Z0700", "-0700", "2006", "Jan", "Mon", "MST", "002", "__2", "Z07", "-07",
		"01", "02", "_2", "03", "04", "05", "06", "15", "PM", "pm"}
	for _, tok := range long {
		if len(s) >= len(tok) && s[:len(tok)] == tok {
			if !elementHere(s, tok) {
				continue
			}
			return tok, len(tok)
		}
	}
	switch s[0] {
	case '1', '2', '3', '4', '5':
		return s[:1], 1
	case '.', ',':
		// A fraction: a run of 0s or 9s after the separator, not followed by a digit.
		if len(s) > 1 && (s[1] == '0' || s[1] == '9') {
			j := 1
			for j < len(s) && s[j] == s[1] {
				j++
			}
			if (j == len(s) || s[j] < '0' || s[j] > '9') && j-1 <= 9 {
				return s[:j], j
			}
		}
	}
	return "", 0
}

// elementHere applies Go's exceptions: "Jan" and "Mon" followed by a lower
// case letter are words, not elements ("Janet", "Month").
func elementHere(s string, tok string) bool {
	if tok == "_2" && len(s) >= 5 && s[1:5] == "2006" {
		return false // "_2006" is an underscore and the year
	}
	if tok == "Jan" || tok == "Mon" {
		if len(s) > 3 && s[3] >= 'a' && s[3] <= 'z' {
			return false
		}
	}
	return true
}
