package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// chartsPanel shows the charts of the results, each with its data table.
// It is a component of its own so that go-app renders and compares the
// charts only when they change: a keystroke redraws the result panel first,
// and the charts in the following frame.
type chartsPanel struct {
	app.Compo

	Survival *lineChart
	Payback  *lineChart
	Tornado  *tornadoChart
}

func (c *chartsPanel) Render() app.UI {
	return app.Div().ID("charts").Class("charts").Body(
		app.If(c.Survival != nil, func() app.UI { return c.Survival.render() }),
		app.If(c.Payback != nil, func() app.UI { return c.Payback.render() }),
		app.If(c.Tornado != nil, func() app.UI { return c.Tornado.render() }),
	)
}
