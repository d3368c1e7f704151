package calc

import (
	"strings"
	"unicode/utf8"
)

// Locales whose number conventions NormalizeNumber knows. Any other locale
// is read as LocaleEN.
const (
	LocaleEN = "en" // 1,234.5
	LocaleFR = "fr" // 1 234,5 (a point is also read as the decimal mark)
	LocaleRO = "ro" // 1.234,5
	LocaleTH = "th" // 1,234.5, Thai digits accepted
)

// NormalizeNumber rewrites a number typed in a locale's conventions as the
// plain form ParseDecimal reads ("1234.5"). It accepts:
//
//   - the locale's decimal mark: "," in fr and ro, "." in en and th; in fr a
//     "." is read as the decimal mark too when there is no ",";
//   - group separators between groups of three digits: "," in en and th,
//     "." in ro, and spaces (U+0020, U+00A0 no-break, U+202F narrow no-break,
//     U+2009 thin) in every locale;
//   - Thai digits (U+0E50-U+0E59) in every locale, as their ASCII digits;
//   - a leading "+", "-" or U+2212 minus sign; a currency sign ($ € £ ฿) or a
//     trailing "%" around the number; invisible direction marks, embeddings
//     and isolates.
//
// A direction override (U+202D, U+202E) is not removed: it can show the
// digits in another order than they are read ("\u202e05" shows as 50 and
// reads as 5), so the text is returned unchanged and ParseDecimal refuses it.
//
// Anything else is returned unchanged, so that ParseDecimal reports it: in
// particular "1,5" in en is not read as 15 (a comma there is only a group
// separator before three digits) and "1.5" in ro is not read as 15.
// NormalizeNumber never fails and never panics.
func NormalizeNumber(s, locale string) string {
	if len(s) > 4*MaxInputLen || !utf8.ValidString(s) || strings.ContainsAny(s, "\u202d\u202e") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0x0E50 && r <= 0x0E59: // Thai digits
			b.WriteByte(byte('0' + r - 0x0E50))
		case r == 0x2212: // minus sign
			b.WriteByte('-')
		case r == 0x200E || r == 0x200F || r == 0x061C || r == 0xFEFF ||
			(r >= 0x202A && r <= 0x202C) || (r >= 0x2066 && r <= 0x2069): // direction marks
		case r == 0x00A0 || r == 0x202F || r == 0x2009 || r == '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	t := strings.TrimSpace(b.String())
	sign := ""
	if t != "" && (t[0] == '-' || t[0] == '+') {
		sign, t = t[:1], strings.TrimSpace(t[1:])
	}
	for _, c := range []string{"$", "€", "£", "฿"} {
		t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, c), c))
	}
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if t == "" {
		return s
	}
	decimalMark, group := byte('.'), byte(',')
	switch locale {
	case LocaleFR:
		decimalMark, group = ',', 0
		if !strings.Contains(t, ",") {
			decimalMark = '.'
		}
	case LocaleRO:
		decimalMark, group = ',', '.'
		if !strings.Contains(t, ",") && !groupedOnly(t, '.') {
			decimalMark, group = '.', 0 // "2.5": a decimal point, as typed on many keyboards
		}
	}
	intPart, frac, hasFrac := strings.Cut(t, string(decimalMark))
	if hasFrac && strings.ContainsAny(frac, " .,") {
		return s
	}
	digits, ok := ungroup(intPart, group)
	if !ok || digits == "" && (!hasFrac || frac == "") {
		return s
	}
	out := sign + digits
	if hasFrac {
		out += "." + frac
	}
	return out
}

// ungroup removes group separators (sep, or spaces) from the integer part of
// a number, requiring groups of exactly three digits after the first group
// of one to three. Without any separator it returns s unchanged.
func ungroup(s string, sep byte) (string, bool) {
	isSep := func(c byte) bool { return c == ' ' || (sep != 0 && c == sep) }
	if strings.IndexFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isSep(byte(r)) }) < 0 {
		return s, true
	}
	var b strings.Builder
	run, groups := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isSep(c):
			if (groups == 0 && (run == 0 || run > 3)) || (groups > 0 && run != 3) {
				return "", false
			}
			groups++
			run = 0
		case c >= '0' && c <= '9':
			run++
			b.WriteByte(c)
		default:
			return "", false
		}
	}
	if run != 3 {
		return "", false
	}
	return b.String(), true
}

// groupedOnly reports whether s is digits grouped by sep in threes, such as
// "1.234" or "12.345.678".
func groupedOnly(s string, sep byte) bool {
	if strings.IndexByte(s, sep) < 0 {
		return false
	}
	_, ok := ungroup(s, sep)
	return ok
}
