package main

import (
	"strings"

	"github.com/shopspring/decimal"
)

// formatMoney renders an amount in US dollars with cents and thousands
// separators, e.g. "$1,234.50", rounding half away from zero at the cent.
func formatMoney(d decimal.Decimal) string {
	s := d.StringFixed(2)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	return sign + "$" + groupThousands(intPart) + "." + frac
}

// groupThousands puts a comma between every group of three digits.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
