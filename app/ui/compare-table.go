package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// compareTable is the what-if comparison: each figure for the baseline and
// the scenario, and the change. A component of its own, like chartsPanel,
// so that a keystroke that leaves it as it is does not redraw it.
type compareTable struct {
	app.Compo

	Loc  locale
	Rows []compareRow
}

func (c *compareTable) Render() app.UI {
	l := c.Loc
	return app.Table().ID("compare").Body(
		app.Caption().Text(l.tr("Baseline and scenario")),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(l.tr("Figure")),
			app.Th().Scope("col").Text(l.tr("Baseline")),
			app.Th().Scope("col").Text(l.tr("Scenario")),
			app.Th().Scope("col").Text(l.tr("Change")),
			app.Th().Scope("col").Text(l.tr("Change %")),
		)),
		app.TBody().Aria("live", "polite").Body(app.If(len(c.Rows) == 0, func() app.UI {
			return app.Tr().Body(app.Td().ColSpan(5).Class("whatif-empty").Text(l.tr("Set a lever to see how the figures change.")))
		}), app.Range(c.Rows).Slice(func(i int) app.UI {
			r := c.Rows[i]
			return app.Tr().ID("cmp-"+r.ID).Body(
				app.Th().Scope("row").Text(r.Label),
				app.Td().Text(r.Base),
				app.Td().Text(r.Scenario),
				app.Td().Text(r.Diff),
				app.Td().Text(r.DiffPct),
			)
		})),
	)
}
