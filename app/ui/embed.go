package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// The embed view of each calculator has its own address, prerendered with
// that calculator: /embed (the purchase one), /embed/subscription and
// /embed/cohort. Before app.wasm runs, an embed then shows its own
// calculator, never another's figures. /embed?model=... (the address of
// earlier snippets) still shows the model it names.

// embedPath is the embed view of a calculator, without the base path.
func embedPath(s *pageSpec) string {
	if s.Path == "/" {
		return "/embed"
	}
	return "/embed" + s.Path
}

// newEmbedPageFor is the embed view of one calculator: its address says
// the model, and ?model= is not read.
func newEmbedPageFor(s *pageSpec) *calcPage {
	p := newEmbedPage()
	p.setSpec(s)
	p.fixed = true
	return p
}

// pageForPath is the page at a URL path, as the routes make it: the
// warm-up renders it.
func pageForPath(urlPath string) app.Composer {
	if s := specForPath(urlPath); s != nil {
		return newCalcPage(s)
	}
	for _, s := range []*pageSpec{subscriptionSpec, cohortSpec} {
		if urlPath == pageHref(embedPath(s)) {
			return newEmbedPageFor(s)
		}
	}
	if strings.HasSuffix(urlPath, "/embed") {
		return newEmbedPage()
	}
	return newCalcPage(purchaseSpec)
}

// embedInputs are the figures an embed asks for: the few that make its
// calculator's LTV, and the CAC. The others keep the values of the link
// (or their defaults) and are one click away in the full calculator.
func (s *pageSpec) embedInputs() []inputSpec {
	keys := map[string][]string{
		calc.ModelPurchase:     {"aov", "freq", "years"},
		calc.ModelSubscription: {"arpa", "gm", "mchurn"},
		calc.ModelCohort:       {"surv", "m", "d"},
	}[s.Model]
	var out []inputSpec
	for _, k := range keys {
		for _, in := range s.Inputs {
			if in.Key == k {
				out = append(out, in)
			}
		}
	}
	return append(out, s.cacInputs()...)
}

// embedRowIDs are the result rows an embed shows: unit economics, then
// each model's lifetime, or the cohort model's naive LTV beside its own.
var embedRowIDs = map[string]bool{"net-ltv": true, "ratio": true, "payback": true, "cohort-payback": true, "lifetime": true, "naive": true}

// embedRows are the rows of rows that an embed shows, in their order.
func embedRows(rows []resultRow) []resultRow {
	var out []resultRow
	for _, r := range rows {
		if embedRowIDs[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// CalculatorNames are the calculators' names by model and language code,
// for what other sites show of an embed (its oEmbed title).
func CalculatorNames() map[string]map[string]string {
	names := map[string]map[string]string{}
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		names[s.Model] = map[string]string{}
		for _, lg := range languages {
			names[s.Model][lg.Code] = locale{Lang: lg.Code}.tr(s.Title)
		}
	}
	return names
}
