package main

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// URL query keys of the purchase calculator: short, readable, stable.
const (
	qAOV   = "aov"
	qFreq  = "freq"
	qYears = "years"
)

// purchasePage is the front page: the seeds' purchase model, LTV = average
// order value x purchases per year x years as a customer.
type purchasePage struct {
	app.Compo

	// The three inputs exactly as typed.
	aov, freq, years string

	// last is the most recent valid result; stale is true while an input is
	// bad, so the result shown is the last valid one, marked out of date.
	last  calc.PurchaseInputs
	stale bool
	err   error
}

func newPurchasePage() *purchasePage {
	p := &purchasePage{aov: "50", freq: "2", years: "3"}
	p.recompute()
	return p
}

// OnNav takes the inputs from the URL, so a shared link and the prerendered
// page show the same figures.
func (p *purchasePage) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL().Query())
}

// OnMount runs in the browser once the app has taken over the page.
func (p *purchasePage) OnMount(ctx app.Context) {
	markAppReady()
}

func (p *purchasePage) load(q url.Values) {
	for key, dst := range map[string]*string{qAOV: &p.aov, qFreq: &p.freq, qYears: &p.years} {
		if v, ok := q[key]; ok && len(v) > 0 {
			*dst = v[0]
		}
	}
	p.recompute()
}

// recompute validates the inputs and keeps the last valid figures.
func (p *purchasePage) recompute() {
	in, err := calc.ParsePurchaseInputs(p.aov, p.freq, p.years)
	p.err = err
	p.stale = err != nil
	if err == nil {
		p.last = in
	}
}

// onInput keeps the typed text of one field, recomputes, and records the
// inputs in the URL (replaceState: no history entry per keystroke).
func (p *purchasePage) onInput(ctx app.Context, field *string) {
	*field = ctx.JSSrc().Get("value").String()
	p.recompute()
	u := *ctx.Page().URL()
	q := u.Query()
	q.Set(qAOV, p.aov)
	q.Set(qFreq, p.freq)
	q.Set(qYears, p.years)
	u.RawQuery = q.Encode()
	ctx.Page().ReplaceURL(&u)
}

func (p *purchasePage) Render() app.UI {
	ltv := p.last.LTV()
	resultClass := "result"
	if p.stale {
		resultClass += " result-stale"
	}
	return pageShell(
		app.H1().Text("Customer lifetime value"),
		app.P().Class("lead").Text("What is a customer worth? Enter what they spend per order, how often they buy and how long they stay."),
		app.Form().Class("calc").Attr("novalidate", true).OnSubmit(preventSubmit).Body(
			app.Div().Class("fields").Body(
				numberField{
					ID: qAOV, Label: "Average order value", Unit: "$",
					Hint: "What a customer spends in one purchase.", Value: p.aov,
					Error:   calc.ErrorFor(p.err, calc.FieldAverageOrderValue),
					OnInput: func(ctx app.Context, e app.Event) { p.onInput(ctx, &p.aov) },
				}.render(),
				numberField{
					ID: qFreq, Label: "Purchases per year", Unit: "per customer",
					Hint: "How many times a customer buys in a year.", Value: p.freq,
					Error:   calc.ErrorFor(p.err, calc.FieldPurchasesPerYear),
					OnInput: func(ctx app.Context, e app.Event) { p.onInput(ctx, &p.freq) },
				}.render(),
				numberField{
					ID: qYears, Label: "Years as a customer", Unit: "years",
					Hint: "How long a customer keeps buying before leaving.", Value: p.years,
					Error:   calc.ErrorFor(p.err, calc.FieldLifetimeYears),
					OnInput: func(ctx app.Context, e app.Event) { p.onInput(ctx, &p.years) },
				}.render(),
			),
			app.Section().Class(resultClass).Aria("live", "polite").Aria("labelledby", "ltv-label").Body(
				app.H2().ID("ltv-label").Class("result-label").Text("Lifetime value"),
				app.Output().ID("ltv").Class("result-value").For(qAOV+" "+qFreq+" "+qYears).Text(formatMoney(ltv)),
				app.P().Class("result-detail").Text(
					formatMoney(p.last.AnnualValue())+" a year ("+p.last.PurchasesPerYear.String()+" x "+
						formatMoney(p.last.AverageOrderValue)+") x "+p.last.LifetimeYears.String()+" years"),
				app.If(p.stale, func() app.UI {
					return app.P().ID("stale-note").Class("result-stale-note").Text("Out of date: fix the highlighted field to update.")
				}),
			),
		),
		app.Details().Class("how").Body(
			app.Summary().Text("How this is computed"),
			app.P().Text("LTV = average order value x purchases per year x years as a customer. "+
				"Example: 2 purchases a year x $50 = $100 a year; a customer who stays about 3 years is worth $300."),
		),
	)
}

func preventSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }
