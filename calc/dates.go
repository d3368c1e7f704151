package calc

// Dates of an order file. A date is the order's own calendar day as the
// file writes it: "2024-01-15 23:30:00 -0500" is 15 January, whatever the
// zone, because that is the day the customer bought on. Days are counted
// from 1900-01-01 (day 0).

// Date orders of dates written d/m/y or m/d/y.
const (
	DateOrderAuto = ""    // found from the data: a first number over 12 is a day
	DateOrderDMY  = "dmy" // 15/01/2024
	DateOrderMDY  = "mdy" // 01/15/2024
)

// Years accepted in an order file.
const (
	minYear = 1900
	maxYear = 2199
)

// daysFromCivil is the number of days from 1900-01-01 to y-m-d in the
// proleptic Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 693901 // 693901: days from 0000-03-01 to 1900-01-01
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 693901
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// FormatDay writes a day number as YYYY-MM-DD.
func FormatDay(day int) string {
	y, m, d := civilFromDays(day)
	b := []byte("0000-00-00")
	for i, v := range []int{y / 100, y % 100} {
		b[2*i], b[2*i+1] = byte('0'+v/10), byte('0'+v%10)
	}
	b[5], b[6] = byte('0'+m/10), byte('0'+m%10)
	b[8], b[9] = byte('0'+d/10), byte('0'+d%10)
	return string(b)
}

// ParseDay reads a date written YYYY-MM-DD (the form of the calibration
// end), returning its day number; ok is false for anything else or a date
// outside 1900-2199.
func ParseDay(s string) (int, bool) {
	p := parseDate([]byte(s))
	if p.kind != dateFixed || len(s) != 10 {
		return 0, false
	}
	return p.day, true
}

// dateKind says how a date field was read.
type dateKind int8

const (
	dateBad    dateKind = iota // not a date
	dateFixed                  // a day, however the day and month are ordered
	dateDMY                    // only day-first makes it a date: 13/01/2024
	dateMDY                    // only month-first: 01/13/2024
	dateEither                 // both orders make a date, and different ones: 03/04/2024
)

// parsedDate is a date field read: its day, or for dateEither the day of
// each order.
type parsedDate struct {
	kind     dateKind
	day      int // dateFixed, dateDMY, dateMDY; the day-first reading for dateEither
	mdy      int // dateEither: the month-first reading
	twoDigit bool
}

// parseDate reads a date field: ISO 8601 (2024-01-15, 2024/01/15,
// 2024-01-15T10:23:45Z, 2024-01-15 10:23:45 -0500: the day as written),
// YYYYMMDD, or day and month in either order with a four-digit year
// (15/01/2024, 01.15.2024, 1-15-2024), each optionally followed by a
// time. Anything else, and a day that does not exist, is dateBad.
func parseDate(s []byte) parsedDate {
	s = trimSpace(s)
	// The date part ends at 'T' or a space.
	end := len(s)
	for i, c := range s {
		if c == ' ' || c == 'T' {
			end = i
			break
		}
	}
	date, rest := s[:end], s[end:]
	if !plausibleTime(rest) {
		return parsedDate{}
	}
	nums, seps := [3]int{}, [2]byte{}
	digits := [3]int{}
	k := 0
	for i := 0; i < len(date); i++ {
		c := date[i]
		switch {
		case c >= '0' && c <= '9':
			if digits[k] >= 8 {
				return parsedDate{}
			}
			nums[k] = nums[k]*10 + int(c-'0')
			digits[k]++
		case (c == '-' || c == '/' || c == '.') && k < 2 && digits[k] > 0:
			seps[k] = c
			k++
		default:
			return parsedDate{}
		}
	}
	switch {
	case k == 0 && digits[0] == 8: // YYYYMMDD
		return fixedDate(nums[0]/10000, nums[0]/100%100, nums[0]%100)
	case k != 2 || seps[0] != seps[1] || digits[2] == 0:
		return parsedDate{}
	case digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2: // Y-M-D
		return fixedDate(nums[0], nums[1], nums[2])
	case digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4:
		y, a, b := nums[2], nums[0], nums[1]
		dmy, mdy := validDate(y, b, a), validDate(y, a, b)
		switch {
		case dmy && mdy && a == b:
			return fixedDate(y, a, b)
		case dmy && mdy:
			return parsedDate{kind: dateEither, day: daysFromCivil(y, b, a), mdy: daysFromCivil(y, a, b)}
		case dmy:
			return parsedDate{kind: dateDMY, day: daysFromCivil(y, b, a)}
		case mdy:
			return parsedDate{kind: dateMDY, day: daysFromCivil(y, a, b)}
		}
	case digits[0] <= 2 && digits[1] <= 2 && digits[2] == 2:
		return parsedDate{twoDigit: true}
	}
	return parsedDate{}
}

func fixedDate(y, m, d int) parsedDate {
	if !validDate(y, m, d) {
		return parsedDate{}
	}
	return parsedDate{kind: dateFixed, day: daysFromCivil(y, m, d)}
}

func validDate(y, m, d int) bool {
	return y >= minYear && y <= maxYear && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

// plausibleTime reports whether what follows a date looks like a time and
// a zone: digits, ':', '.', '+', '-', spaces, 'T', 'Z' and letters (AM,
// PM, UTC...), at most 40 characters.
func plausibleTime(s []byte) bool {
	if len(s) > 40 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == ':' || c == '.' || c == '+' || c == '-' || c == ' ' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

func trimSpace(s []byte) []byte {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r' || s[len(s)-1] == '\n') {
		s = s[:len(s)-1]
	}
	// A no-break space (U+00A0, as UTF-8) around a value is a space too.
	for len(s) >= 2 && s[0] == 0xC2 && s[1] == 0xA0 {
		s = s[2:]
	}
	for len(s) >= 2 && s[len(s)-2] == 0xC2 && s[len(s)-1] == 0xA0 {
		s = s[:len(s)-2]
	}
	return s
}
