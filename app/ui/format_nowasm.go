//go:build !wasm

package ui

import "github.com/shopspring/decimal"

// Natively (prerender, tests) every language is formatted as en-US: see
// format.go.

func formatMoney(l locale, d decimal.Decimal) string { return formatMoneyEN(l.Currency, d) }

func formatNumber(l locale, d decimal.Decimal) string { return formatNumberEN(d) }

func formatPercent(l locale, d decimal.Decimal) string { return formatPercentEN(d) }

// browserLanguage is the visitor's preferred language; natively there is
// none, and the prerendered page is English.
func browserLanguage() string { return "" }
