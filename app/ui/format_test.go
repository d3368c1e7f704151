//go:build !wasm

package ui

import "testing"

// The expected texts are what Intl.NumberFormat("en-US", ...) gives in
// Chromium for the same decimal strings: the prerendered page and the app
// must agree (TestBrowserPrerenderMatchesApp checks it in the browser).
func TestFormatMoneyEN(t *testing.T) {
	tests := []struct{ currency, in, want string }{
		{"USD", "0", "$0.00"},
		{"USD", "300", "$300.00"},
		{"USD", "1000", "$1,000.00"},
		{"USD", "1234567.891", "$1,234,567.89"},
		{"USD", "-42.5", "-$42.50"},
		{"USD", "0.005", "$0.01"},
		{"USD", "999999999999999", "$999,999,999,999,999.00"},
		{"EUR", "5", "€5.00"},
		{"GBP", "1234.5", "£1,234.50"},
		{"JPY", "1234.5", "¥1,235"},
		{"RON", "1234.5", "RON\u00a01,234.50"},
		{"THB", "10", "THB\u00a010.00"},
		{"CAD", "10", "CA$10.00"},
	}
	for _, tt := range tests {
		if got := formatMoneyEN(tt.currency, mustDecimal(t, tt.in)); got != tt.want {
			t.Errorf("formatMoneyEN(%s, %s) = %q, want %q", tt.currency, tt.in, got, tt.want)
		}
	}
}

func TestFormatNumberEN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"}, {"3.26", "3.26"}, {"1234.5678", "1,234.5678"}, {"-1680.27", "-1,680.27"}, {"0.704077", "0.704077"},
	}
	for _, tt := range tests {
		if got := formatNumberEN(mustDecimal(t, tt.in)); got != tt.want {
			t.Errorf("formatNumberEN(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLocaleTr(t *testing.T) {
	en := locale{Lang: "en", Currency: "USD"}
	if got := en.tr("{0} months", "12"); got != "12 months" {
		t.Errorf(`tr("{0} months", 12) = %q`, got)
	}
	fr := locale{Lang: "fr", Currency: "EUR"}
	if got, want := fr.tr("What if?"), catalog("fr")["What if?"]; got != want || got == "" {
		t.Errorf(`fr tr("What if?") = %q, want the catalog's %q`, got, want)
	}
	if got := fr.tr("a text nobody translated"); got != "a text nobody translated" {
		t.Errorf("untranslated text became %q", got)
	}
}
