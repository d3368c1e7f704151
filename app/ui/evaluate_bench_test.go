//go:build !wasm

package ui

import (
	"net/url"
	"testing"
)

// BenchmarkKeystroke is the work of one keystroke natively: read the inputs,
// evaluate with the what-if and the sensitivity, word and lay out the
// results (the browser adds the DOM update).
func BenchmarkKeystroke(b *testing.B) {
	for _, tt := range []struct {
		spec  *pageSpec
		query string
	}{
		{purchaseSpec, "aov=80&wprice=10&welast=-0.5"},
		{subscriptionSpec, "arpa=200&wchurn=-1"},
		{cohortSpec, ""},
	} {
		b.Run(tt.spec.Model, func(b *testing.B) {
			q, _ := url.ParseQuery(tt.query)
			p := newCalcPage(tt.spec)
			p.load(q)
			b.ReportAllocs()
			for b.Loop() {
				p.text["cac"] = "123"
				p.recompute()
				_ = p.Render()
			}
		})
	}
}
