// Command hello is the reference for make bench: go-app's hello world, one
// component on one route, built and served exactly like LTV Lab so that the
// two can be compared in the same run. Compiled to WebAssembly it is the UI;
// natively it generates its static site (main.go).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello greets whoever types their name: its one input and one output let
// the benchmark time the first update after an input, as it does for LTV
// Lab's calculator.
type hello struct {
	app.Compo
	name string
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
	)
}

func (h *hello) onInput(ctx app.Context, e app.Event) {
	h.name = ctx.JSSrc().Get("value").String()
}

func registerRoutes() {
	app.Route("/", func() app.Composer { return &hello{} })
}
