// Command hello is the reference for make bench: go-app's hello world, one
// component on one route, that also computes with shopspring/decimal as a
// calculator must (parse, multiply, divide, round, format): the floor of
// the stack LTV Lab is built on. It is built and served exactly like LTV
// Lab so that the two can be compared in the same run. Compiled to
// WebAssembly it is the UI; natively it generates its static site
// (main.go).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// hello greets whoever types their name: its one input and one output let
// the benchmark time the first update after an input, as it does for LTV
// Lab's calculator.
type hello struct {
	app.Compo
	name   string
	amount string
}

func (h *hello) Render() app.UI {
	name := h.name
	if name == "" {
		name = "World"
	}
	return app.Main().Body(
		app.H1().ID("greeting").Text("Hello, "+name+"!"),
		app.Label().For("name").Text("Your name"),
		app.Input().ID("name").Type("text").Value(h.name).OnInput(h.onInput),
		app.Label().For("amount").Text("An amount a month"),
		app.Input().ID("amount").Type("text").Value(h.amount).OnInput(h.onAmount),
		app.P().ID("total").Text(yearly(h.amount)),
	)
}

// yearly is an amount a month over a year, less a seventh, to the cent: the
// decimal arithmetic every figure of a calculator needs.
func yearly(amount string) string {
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return "Type an amount"
	}
	return d.Mul(decimal.NewFromInt(12)).Mul(decimal.NewFromInt(6)).DivRound(decimal.NewFromInt(7), 2).StringFixed(2) + " a year"
}

func (h *hello) onAmount(ctx app.Context, e app.Event) {
	h.amount = ctx.JSSrc().Get("value").String()
}

func (h *hello) onInput(ctx app.Context, e app.Event) {
	h.name = ctx.JSSrc().Get("value").String()
}

func registerRoutes() {
	app.Route("/", func() app.Composer { return &hello{} })
}
