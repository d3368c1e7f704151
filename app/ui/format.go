package ui

import (
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// calcNormalize is calc.NormalizeNumber.
func calcNormalize(s, lang string) string { return calc.NormalizeNumber(s, lang) }

// The browser formats numbers with Intl.NumberFormat (format_wasm.go),
// except in English. The Go formatters below give the same text as
// Intl.NumberFormat("en-US"): the browser uses them for English, and when
// prerendering and in native tests they format every language (the static
// site is prerendered in English, and the app switches language as it
// starts).

// fractionDigits are the currency's minor units.
func fractionDigits(currency string) int32 {
	if currency == "JPY" {
		return 0
	}
	return 2
}

// formatMoneyEN renders an amount as Intl.NumberFormat("en-US", {style:
// "currency"}) does: "$1,234.50", "-$42.50", "€5.00", "RON 1,234.50",
// rounding half away from zero at the currency's minor unit. (Intl rounds
// half to even only on exact float ties, which a decimal string never is.)
func formatMoneyEN(currency string, d decimal.Decimal) string {
	s := d.StringFixed(fractionDigits(currency))
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	body := groupThousands(intPart)
	if frac != "" {
		body += "." + frac
	}
	prefix := map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}[currency]
	if prefix == "" {
		return sign + currency + "\u00a0" + body
	}
	return sign + prefix + body
}

// formatNumberEN renders a number as Intl.NumberFormat("en-US",
// {maximumFractionDigits: 20}) does: grouped, every fraction digit kept up
// to the 20th, rounded half away from zero there, and a negative number
// that rounds to zero shown as "-0".
func formatNumberEN(d decimal.Decimal) string {
	sign := ""
	if d.Sign() < 0 {
		sign = "-"
	}
	if d.Exponent() < -20 {
		d = d.Round(20)
	}
	s := strings.TrimPrefix(d.String(), "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	out := sign + groupThousands(intPart)
	if hasFrac {
		out += "." + frac
	}
	return out
}

// formatPercentEN renders a percentage (12.5 for 12.5%) as
// Intl.NumberFormat("en-US", {style: "percent", maximumFractionDigits: 20})
// renders the fraction (0.125).
func formatPercentEN(d decimal.Decimal) string { return formatNumberEN(d) + "%" }

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
