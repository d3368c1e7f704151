//go:build wasm

package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// In the browser numbers are formatted by Intl.NumberFormat, from the
// decimal string: no float64 is involved, and every digit calc gives is
// kept. English is the exception: the Go formatters of format.go give the
// same text (TestBrowserGoFormatsAsIntl holds them to Chromium's Intl), and
// building the first Intl.NumberFormat of a page costs 40 to 65 ms of main
// thread on a 2-core machine, in the task of the app's first render.
//
// The formatters are built once per locale and style, and what they
// format is kept: a keystroke redraws many figures that it did not change
// (the CAC line, axis labels, the figures of the value typed before), and
// each call into JavaScript costs more than the lookup.

var formatters = map[string]app.Value{}

// formatted holds the text of each figure formatted so far, by formatter
// key and decimal string. It is emptied when it grows past
// maxFormatted, so that a long session cannot fill the memory.
var formatted = map[string]string{}

const maxFormatted = 4096

// intlFormat formats the decimal string s of d with the formatter of key,
// which options makes when it does not exist yet.
func intlFormat(key string, options func() (string, map[string]any), s string, d decimal.Decimal) string {
	k := key + "\x00" + s
	if t, ok := formatted[k]; ok {
		return t
	}
	f, ok := formatters[key]
	if !ok {
		tag, opts := options()
		f = app.Window().Get("Intl").Get("NumberFormat").New(tag, opts)
		formatters[key] = f
	}
	t := f.Call("format", intlArg(s, d)).String()
	if len(formatted) >= maxFormatted {
		clear(formatted)
	}
	formatted[k] = t
	return t
}

func formatMoney(l locale, d decimal.Decimal) string {
	if l.Lang == "en" {
		return formatMoneyEN(l.Currency, d)
	}
	digits := fractionDigits(l.Currency)
	return intlFormat("money|"+l.tag()+"|"+l.Currency, func() (string, map[string]any) {
		opts := map[string]any{
			"style": "currency", "currency": l.Currency,
			"minimumFractionDigits": int(digits), "maximumFractionDigits": int(digits),
		}
		if l.Currency == "RON" && l.Lang == "ro" {
			opts["currencyDisplay"] = "narrowSymbol" // "325,81 lei", as the labels say it
		}
		return l.tag(), opts
	}, d.StringFixed(digits), d)
}

func formatNumber(l locale, d decimal.Decimal) string {
	if l.Lang == "en" {
		return formatNumberEN(d)
	}
	return intlFormat("number|"+l.tag(), func() (string, map[string]any) {
		return l.tag(), map[string]any{"maximumFractionDigits": 20}
	}, d.String(), d)
}

func formatPercent(l locale, d decimal.Decimal) string {
	if l.Lang == "en" {
		return formatPercentEN(d)
	}
	f := d.Shift(-2)
	return intlFormat("percent|"+l.tag(), func() (string, map[string]any) {
		return l.tag(), map[string]any{"style": "percent", "maximumFractionDigits": 20}
	}, f.String(), f)
}

// intlArg is what Intl.NumberFormat formats for d: its decimal string s,
// which Intl reads exactly, except beyond the float64 range (about
// 1.8e308, a century of compounding growth), where Intl reads Infinity and
// shows "∞". There d, to calc's precision, is a whole number: it goes as a
// BigInt, which Intl formats exactly at any size.
func intlArg(s string, d decimal.Decimal) any {
	// A string this short has fewer than 300 digits before the point.
	if len(s) < 300 || d.IsZero() || d.NumDigits()+int(d.Exponent()) < 300 {
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
