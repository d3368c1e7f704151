//go:build !wasm

package ui

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserGoFormatsAsIntl holds the Go formatters, which the app uses
// for English, to Chromium's Intl.NumberFormat("en-US"), which it uses for
// the other languages (format_wasm.go): money in every currency of the menu,
// plain numbers and percentages, for edge cases and random values of every
// size, each given to Intl exactly as the app gives it.
func TestBrowserGoFormatsAsIntl(t *testing.T) {
	chromiumPath(t)
	values := []string{
		"0", "1", "-1", "0.005", "-0.005", "0.004", "1.005", "2.675", "0.125", "0.5", "1.5", "2.5", "-2.5",
		"999.995", "999999.999", "-1234567.891", "1000", "12345678901234567890.5",
		"0.000000000000000000001", "-0.000000000000000000001", "0.000000000000000000005", "-0.123456789012345678905",
		"1" + strings.Repeat("0", 100), "-9" + strings.Repeat("9", 250) + ".99",
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		digits := 1 + rng.IntN(30)
		var b strings.Builder
		if rng.IntN(4) == 0 {
			b.WriteByte('-')
		}
		for range digits {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		d := mustDecimal(t, b.String()).Shift(-int32(rng.IntN(digits + 3)))
		values = append(values, d.String())
	}

	// One case per figure: what the browser's Intl is asked (as
	// format_wasm.go asks it) and what the Go formatter gives.
	type formatCase struct {
		Style    string `json:"style"`
		Currency string `json:"currency,omitempty"`
		Digits   int32  `json:"digits"`
		Arg      string `json:"arg"`
		Big      bool   `json:"big,omitempty"` // Arg is a whole number given as a BigInt
		want     string
	}
	var cases []formatCase
	for _, v := range values {
		d := mustDecimal(t, v)
		for _, cur := range currencies {
			digits := fractionDigits(cur)
			c := formatCase{Style: "currency", Currency: cur, Digits: digits, Arg: d.StringFixed(digits), want: formatMoneyEN(cur, d)}
			if len(c.Arg) >= 300 {
				c.Arg, c.Big = d.Round(0).String(), true
			}
			cases = append(cases, c)
		}
		if len(d.String()) < 300 {
			cases = append(cases,
				formatCase{Style: "decimal", Arg: d.String(), want: formatNumberEN(d)},
				formatCase{Style: "percent", Arg: d.Shift(-2).String(), want: formatPercentEN(d)})
		}
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newTab(t)
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`JSON.parse(`+jsString(string(in))+`).map((c) => {
		const opts = c.style === "currency"
			? {style: "currency", currency: c.currency, minimumFractionDigits: c.digits, maximumFractionDigits: c.digits}
			: {style: c.style, maximumFractionDigits: 20};
		return new Intl.NumberFormat("en-US", opts).format(c.big ? BigInt(c.arg) : c.arg);
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Fatalf("Intl formatted %d figures, want %d", len(got), len(cases))
	}
	bad := 0
	for i, c := range cases {
		if got[i] != c.want {
			bad++
			if bad <= 20 {
				t.Errorf("%s %s %q: Go gives %q, Intl.NumberFormat(\"en-US\") %q", c.Style, c.Currency, c.Arg, c.want, got[i])
			}
		}
	}
	if bad > 20 {
		t.Errorf("... %d figures differ in all, of %d", bad, len(cases))
	}
}
