package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The UI speaks English, French, Romanian and Thai. English is the source:
// the texts in the Go code are English, and app/ui/i18n/LANG.json maps each
// English text to its translation (a translator edits only those files;
// TestTranslationsComplete fails when one misses a text). "{0}", "{1}"...
// stand for values filled in at run time.

// language is one language of the UI.
type language struct {
	Code string // "en", the lang= value
	Tag  string // BCP 47 tag for Intl and <html lang>, e.g. "fr-FR"
	Name string // its own name, for the language menu
}

var languages = []language{
	{"en", "en-US", "English"},
	{"fr", "fr-FR", "Français"},
	{"ro", "ro-RO", "Română"},
	{"th", "th-TH", "ไทย"},
}

// currencies offered in the currency menu (ISO 4217 codes).
var currencies = []string{"USD", "EUR", "GBP", "RON", "THB", "CAD", "AUD", "CHF", "JPY", "INR"}

// catalogs holds the parsed translation files, by language code: natively
// from the files embedded (catalog_nowasm.go), in the browser as fetched
// from the site (catalog_wasm.go), so that app.wasm does not carry them.
var catalogs = map[string]map[string]string{}

// catalog returns the translations of a language, or none (English stays)
// when they are not loaded.
func catalog(lang string) map[string]string {
	if c, ok := catalogs[lang]; ok {
		return c
	}
	c := map[string]string{}
	if b, ok := catalogFile(lang); ok {
		_ = json.Unmarshal(b, &c)
		catalogs[lang] = c
	}
	return c
}

// catalogPath is where the site serves a language's translations, below
// its base path: the build writes them there (package site).
func catalogPath(lang string) string { return "i18n/" + lang + ".json" }

// locale is the language and currency a page is shown in.
type locale struct {
	Lang     string // a code of languages
	Currency string // a code of currencies
}

var defaultLocale = locale{Lang: "en", Currency: "USD"}

// tag is the BCP 47 tag of the locale's language.
func (l locale) tag() string {
	for _, lg := range languages {
		if lg.Code == l.Lang {
			return lg.Tag
		}
	}
	return "en-US"
}

// tr translates an English text, filling in {0}, {1}... with args. A text
// without translation stays English.
func (l locale) tr(msg string, args ...string) string {
	s := msg
	if l.Lang != "en" {
		if t := catalog(l.Lang)[msg]; t != "" {
			s = t
		}
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", a)
	}
	return s
}

// plural translates whichever of the English texts one and other the
// locale's grammar takes for the number n, a decimal string, and fills in
// args: one when n is 1 (English, Romanian), or its integer part 0 or 1
// (French: "1,5 an"); Thai has no plural. So "1 month", "1 an", "1 lună",
// and "2 months", "2 ans", "2 luni".
func (l locale) plural(n, one, other string, args ...string) string {
	whole, frac, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(n), "-"), ".")
	frac = strings.TrimRight(frac, "0") // "1.00" is shown as 1
	isOne := false
	switch l.Lang {
	case "en", "ro":
		isOne = whole == "1" && frac == ""
	case "fr":
		isOne = whole == "0" || whole == "1"
	}
	if isOne {
		return l.tr(one, args...)
	}
	s := l.tr(other, args...)
	// Romanian puts "de" between a count of 20 or more (ending 00 to 19
	// excepted, but for 00) and its noun: "20 de luni", "101 luni".
	if v, err := strconv.Atoi(whole); l.Lang == "ro" && frac == "" && err == nil && v != 0 && (v%100 == 0 || v%100 >= 20) {
		shown := l.number(strings.TrimSpace(n))
		s = strings.Replace(s, shown+" ", shown+" de ", 1)
	}
	return s
}

// money formats a decimal string from calc as an amount in the locale's
// currency; words such as "never" pass through.
func (l locale) money(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return l.tr(s)
	}
	return formatMoney(l, d)
}

// number formats a decimal string with the locale's separators, keeping its
// digits; words pass through translated.
func (l locale) number(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return l.tr(s)
	}
	return formatNumber(l, d)
}

// percent formats a decimal string of percentage points ("77.4") as a
// percentage in the locale's way.
func (l locale) percent(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return l.tr(s)
	}
	return formatPercent(l, d)
}

// symbol is the currency's symbol for unit labels.
func (l locale) symbol() string {
	switch l.Currency {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "THB":
		return "฿"
	case "JPY":
		return "¥"
	case "INR":
		return "₹"
	case "RON":
		if l.Lang == "ro" {
			return "lei" // and amounts in lei (formatMoney)
		}
		return "RON" // as the amounts say it in other languages
	}
	return l.Currency
}

// choose is the locale with a choice of the language menu (name "lang")
// or the currency menu ("cur") applied; an unknown value changes nothing.
func (l locale) choose(name, value string) locale {
	switch name {
	case "lang":
		if knownLanguage(value) {
			l.Lang = value
		}
	case "cur":
		if knownCurrency(value) {
			l.Currency = value
		}
	}
	return l
}

// parse rewrites a number typed in the locale's conventions for calc.
func (l locale) parse(s string) string { return calcNormalize(s, l.Lang) }

// typed is a decimal string from calc ("2.125") as a person of the
// locale's language types it into a field, which parse reads back as the
// same number: with a decimal comma in French and Romanian, without group
// separators. A figure the page puts into a field for the visitor (a
// goal-seek answer, the order page's fitted figures) goes in this way: in
// Romanian "2.125" is two thousand one hundred and twenty-five.
func (l locale) typed(s string) string {
	if l.Lang == "fr" || l.Lang == "ro" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// knownLanguage reports whether code is a language of the UI.
func knownLanguage(code string) bool {
	for _, lg := range languages {
		if lg.Code == code {
			return true
		}
	}
	return false
}

// knownCurrency reports whether code is a currency of the menu.
func knownCurrency(code string) bool {
	for _, c := range currencies {
		if c == code {
			return true
		}
	}
	return false
}
