package calc

import (
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Amounts of an order file are read as the calculators read figures, and
// more loosely: a currency sign or code before or after ($ € £ ¥ ₹ ฿ lei
// EUR...), spaces, no-break spaces and apostrophes between groups of
// digits, a comma or a point as the decimal mark, a leading minus, a
// trailing minus or parentheses for a negative amount. They are kept as
// whole millionths of the currency unit (microUnits): exact, and cheap
// to add up for a million orders.

// microUnits is the number of millionths in one unit of currency.
const microUnits = 1_000_000

// maxAmount is the largest amount of one order, in units: a trillion.
const maxAmount = 1_000_000_000_000

// amountKind says how the decimal mark of an amount was found.
type amountKind int8

const (
	amountBad       amountKind = iota
	amountPlain                // no separator, or one the text settles ("12.50", "1,234.50", "1.234,50")
	amountAmbiguous            // one separator followed by exactly three digits: "1,234" (1234 or 1.234)
)

// parsedAmount is an amount field read.
type parsedAmount struct {
	kind     amountKind
	micros   int64 // the amount in millionths; for amountAmbiguous, read with the separator as a group separator
	negative bool
	sep      byte // amountAmbiguous: the separator, ',' or '.'
	decimal  byte // amountPlain: the decimal mark the text showed, or 0
	tooPrecise,
	tooLarge bool
}

// parseAmount reads an amount field (see the comment above).
func parseAmount(s []byte) parsedAmount {
	s = trimSpace(s)
	neg := false
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		neg, s = true, s[1:len(s)-1]
	}
	// Strip signs, currency signs and codes, letters and spaces from both
	// ends.
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		switch {
		case r == '-' || r == '\u2212':
			neg = true
		case r == '+' || isCurrencyRune(r):
		default:
			goto tail
		}
		s = s[n:]
	}
tail:
	for len(s) > 0 {
		r, n := utf8.DecodeLastRune(s)
		switch {
		case r == '-' || r == '\u2212':
			neg = true
		case isCurrencyRune(r):
		default:
			goto body
		}
		s = s[:len(s)-n]
	}
body:
	// Groups of digits and the separators between them.
	var groups [][]byte
	var seps []byte
	cur := []byte{}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		switch {
		case r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case r == '.' || r == ',' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\'' || r == '\u2019':
			c := byte(r)
			if r != '.' && r != ',' {
				c = ' '
			}
			if len(cur) == 0 && (len(groups) > 0 || c == ' ') {
				return parsedAmount{} // two separators in a row, or a leading space
			}
			groups, seps, cur = append(groups, cur), append(seps, c), []byte{}
		default:
			return parsedAmount{}
		}
		i += n
	}
	if len(cur) == 0 {
		return parsedAmount{} // empty, or ends with a separator
	}
	groups = append(groups, cur)
	out := parsedAmount{kind: amountPlain, negative: neg}
	// The decimal mark: the last separator when it is '.' or ',' and
	// either the other mark occurs before it, or it occurs once and is not
	// followed by exactly three digits. One '.' or ',' before exactly three
	// digits may be either ("1,234"): ambiguous.
	dec := -1 // index in seps
	if n := len(seps); n > 0 && (seps[n-1] == '.' || seps[n-1] == ',') {
		c := seps[n-1]
		other := byte('.')
		if c == '.' {
			other = ','
		}
		same := 0
		for _, x := range seps {
			if x == c {
				same++
			}
		}
		switch {
		case same > 1: // "1,234,567": groups only
		case bytesContain(seps[:n-1], other) || len(groups[n]) != 3:
			dec, out.decimal = n-1, c
		default:
			out.kind, out.sep = amountAmbiguous, c
		}
	}
	// Every group before the decimal mark but the first has three digits
	// (or two, before the last, as in India's 1,23,456), and all of them
	// are separated alike.
	intEnd := len(groups)
	if dec >= 0 {
		intEnd = dec + 1
	}
	for i := 1; i < intEnd; i++ {
		if n := len(groups[i]); !(n == 3 || n == 2 && i < intEnd-1) || seps[i-1] != seps[0] {
			return parsedAmount{}
		}
	}
	if len(groups[0]) == 0 && dec != 0 {
		return parsedAmount{}
	}
	var intDigits, frac []byte
	for i := 0; i < intEnd; i++ {
		intDigits = append(intDigits, groups[i]...)
	}
	if dec >= 0 {
		frac = groups[dec+1]
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if len(frac) > 6 {
		out.tooPrecise = true
		return out
	}
	var units int64
	for _, d := range intDigits {
		units = units*10 + int64(d-'0')
		if units > maxAmount {
			out.tooLarge = true
			return out
		}
	}
	micros := units * microUnits
	scale := int64(microUnits / 10)
	for _, d := range frac {
		micros += int64(d-'0') * scale
		scale /= 10
	}
	out.micros = micros
	return out
}

func bytesContain(s []byte, c byte) bool {
	for _, x := range s {
		if x == c {
			return true
		}
	}
	return false
}

// isCurrencyRune reports whether r may stand around an amount: a currency
// symbol (Unicode Sc), a letter (codes such as EUR, "lei", "kr"), a space
// or a no-break space.
func isCurrencyRune(r rune) bool {
	return unicode.Is(unicode.Sc, r) || unicode.IsLetter(r) || r == ' ' || r == '\u00a0' || r == '\u202f'
}

// microsDecimal is an amount in millionths as a decimal.
func microsDecimal(m int64) decimal.Decimal { return decimal.New(m, -6) }
