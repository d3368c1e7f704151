package calc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Input limits. They keep every figure far from overflow and from the
// precision of the internal divisions, and they bound the work per keystroke.
const (
	// MaxInputLen is the longest input text accepted, in characters after
	// trimming surrounding spaces.
	MaxInputLen = 40
	// MaxIntegerDigits is the number of digits allowed before the decimal point:
	// figures up to 999,999,999,999,999 (a quadrillion less one).
	MaxIntegerDigits = 15
	// MaxFractionDigits is the number of digits allowed after the decimal point.
	MaxFractionDigits = 10
)

// ParseDecimal reads a plain decimal number as typed by a user or found in a
// scenario file: optional sign, ASCII digits, at most one '.' as the decimal
// point, surrounding white space ignored. Exponents, NaN, Infinity, group
// separators and other digits are refused. The result is exact.
//
// On bad input it returns a *FieldError naming field, with Code CodeRequired,
// CodeNotANumber, CodeTooLong, CodeTooLarge or CodeTooPrecise.
func ParseDecimal(field, s string) (decimal.Decimal, error) {
	t := strings.TrimFunc(s, unicode.IsSpace)
	if t == "" {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeRequired, Reason: "enter a number"}
	}
	// Counted in bytes first: a figure of MaxInputLen characters has at
	// most 4 bytes each, and a megabyte-long text is not worth decoding.
	if len(t) > 4*MaxInputLen || utf8.RuneCountInString(t) > MaxInputLen {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeTooLong, Reason: "this is too long to be a figure"}
	}
	body := t
	if body[0] == '-' || body[0] == '+' {
		body = body[1:]
	}
	intDigits, fracDigits, seenPoint := 0, 0, false
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9':
			if seenPoint {
				fracDigits++
			} else {
				intDigits++
			}
		case r == '.' && !seenPoint:
			seenPoint = true
		default:
			return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeNotANumber, Reason: "not a number"}
		}
	}
	if intDigits+fracDigits == 0 {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeNotANumber, Reason: "not a number"}
	}
	if fracDigits > MaxFractionDigits {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeTooPrecise, Reason: "use at most 10 decimal places"}
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeNotANumber, Reason: "not a number"}
	}
	if d.Abs().Cmp(maxInput) > 0 {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeTooLarge, Reason: "too large: at most 999,999,999,999,999"}
	}
	return d, nil
}

var maxInput = decimal.New(1, MaxIntegerDigits).Sub(decimal.New(1, -MaxFractionDigits))
