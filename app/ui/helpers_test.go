//go:build !wasm

package ui

import (
	"testing"

	"github.com/shopspring/decimal"
)

func mustDecimal(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	d, err := decimal.NewFromString(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
