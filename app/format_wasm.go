//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// In the browser numbers are formatted by Intl.NumberFormat, from the
// decimal string: no float64 is involved, and every digit calc gives is
// kept. The formatters are built once per locale and style.

var formatters = map[string]app.Value{}

func intlFormatter(key, tag string, options map[string]any) app.Value {
	if f, ok := formatters[key]; ok {
		return f
	}
	f := app.Window().Get("Intl").Get("NumberFormat").New(tag, options)
	formatters[key] = f
	return f
}

func formatMoney(l locale, d decimal.Decimal) string {
	digits := fractionDigits(l.Currency)
	f := intlFormatter("money|"+l.tag()+"|"+l.Currency, l.tag(), map[string]any{
		"style": "currency", "currency": l.Currency,
		"minimumFractionDigits": int(digits), "maximumFractionDigits": int(digits),
	})
	return f.Call("format", intlArg(d.StringFixed(digits), d)).String()
}

func formatNumber(l locale, d decimal.Decimal) string {
	f := intlFormatter("number|"+l.tag(), l.tag(), map[string]any{"maximumFractionDigits": 20})
	return f.Call("format", intlArg(d.String(), d)).String()
}

func formatPercent(l locale, d decimal.Decimal) string {
	f := intlFormatter("percent|"+l.tag(), l.tag(), map[string]any{"style": "percent", "maximumFractionDigits": 20})
	return f.Call("format", intlArg(d.Shift(-2).String(), d.Shift(-2))).String()
}

// intlArg is what Intl.NumberFormat formats for d: its decimal string s,
// which Intl reads exactly, except beyond the float64 range (about
// 1.8e308, a century of compounding growth), where Intl reads Infinity and
// shows "∞". There d, to calc's precision, is a whole number: it goes as a
// BigInt, which Intl formats exactly at any size.
func intlArg(s string, d decimal.Decimal) any {
	if d.IsZero() || d.NumDigits()+int(d.Exponent()) < 300 {
		return s
	}
	return app.Window().Get("BigInt").Invoke(d.Round(0).String())
}

// browserLanguage is the first of the visitor's preferred languages that the
// UI speaks, or "".
func browserLanguage() string {
	langs := app.Window().Get("navigator").Get("languages")
	if !langs.Truthy() {
		return ""
	}
	for i := 0; i < langs.Length(); i++ {
		tag := langs.Index(i).String()
		code := tag
		if len(code) > 2 {
			code = code[:2]
		}
		if knownLanguage(code) {
			return code
		}
	}
	return ""
}
