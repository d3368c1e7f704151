//go:build !wasm

package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestPurchasePageDefault(t *testing.T) {
	p := newPurchasePage()
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(p)
	// The seeds' example: 2 purchases a year x $50 x 3 years = $300.
	for _, want := range []string{
		`for="aov"`, `for="freq"`, `for="years"`,
		"Average order value", "Purchases per year", "Years as a customer",
		">$300.00</output>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("default page lacks %q", want)
		}
	}
	if strings.Contains(html, "stale-note") {
		t.Error("default page is marked out of date")
	}
}

func TestPurchasePageInputs(t *testing.T) {
	tests := []struct {
		name      string
		query     string
		wantLTV   string // the result shown
		wantError string // an error message shown, "" for none
		wantStale bool
	}{
		{"seed example", "aov=50&freq=2&years=3", "$300.00", "", false},
		{"new figures", "aov=80&freq=3&years=2", "$480.00", "", false},
		{"thousands", "aov=1234.5&freq=10&years=4", "$49,380.00", "", false},
		{"rounds at the cent", "aov=0.125&freq=1&years=1", "$0.13", "", false},
		{"partial query keeps defaults", "years=5", "$500.00", "", false},
		{"bad field keeps last valid result", "aov=abc", "$300.00", "not a number", true},
		{"negative", "freq=-2", "$300.00", "must be zero or more", true},
		{"empty", "years=", "$300.00", "enter a number", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			p := newPurchasePage()
			p.load(q)
			html := app.HTMLString(p)
			if want := ">" + tt.wantLTV + "</output>"; !strings.Contains(html, want) {
				t.Errorf("page(%s) lacks %s", tt.query, want)
			}
			if tt.wantError != "" && !strings.Contains(html, tt.wantError) {
				t.Errorf("page(%s) lacks the message %q", tt.query, tt.wantError)
			}
			if got := strings.Contains(html, `id="stale-note"`); got != tt.wantStale {
				t.Errorf("page(%s) out-of-date note = %v, want %v", tt.query, got, tt.wantStale)
			}
			if got := strings.Contains(html, "aria-invalid"); got != (tt.wantError != "") {
				t.Errorf("page(%s) aria-invalid = %v, want %v", tt.query, got, tt.wantError != "")
			}
		})
	}
}

func TestFormatMoney(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "$0.00"},
		{"300", "$300.00"},
		{"1000", "$1,000.00"},
		{"1234567.891", "$1,234,567.89"},
		{"-42.5", "-$42.50"},
		{"0.005", "$0.01"},
		{"999999999999999", "$999,999,999,999,999.00"},
	}
	for _, tt := range tests {
		if got := formatMoney(mustDecimal(t, tt.in)); got != tt.want {
			t.Errorf("formatMoney(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
