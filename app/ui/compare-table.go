package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// compareTable is the what-if comparison: each figure for the baseline and
// the scenario, and the change. A component of its own, like chartsPanel,
// so that a keystroke that leaves it as it is does not redraw it. It is
// never scrolled inside: on a wide page a table, on a narrow one (the
// stylesheet's container query) a block per figure, each cell named by its
// data-label.
type compareTable struct {
	app.Compo

	Loc     locale
	Rows    []compareRow
	Levers  string // the levers set, "" for none
	Invalid bool   // a lever holds a figure calc refuses
}

func (c *compareTable) Render() app.UI {
	l := c.Loc
	empty := l.tr("Set a lever to see how the figures change.")
	if c.Invalid {
		empty = l.tr("Fix the highlighted lever to see how the figures change.")
	}
	cols := []string{l.tr("Figure"), l.tr("Baseline"), l.tr("Scenario"), l.tr("Change"), l.tr("Change %")}
	return app.Div().Body(
		app.P().ID("whatif-set").Class("whatif-set").Body(
			app.If(c.Levers != "", func() app.UI { return app.Text(l.tr("Scenario: {0}.", c.Levers)) }),
		),
		app.Table().ID("compare").Body(
			app.Caption().Text(l.tr("Baseline and scenario")),
			app.THead().Body(app.Tr().Body(
				app.Range(cols).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(cols[i]) }),
			)),
			app.TBody().Aria("live", "polite").Body(app.If(len(c.Rows) == 0 || c.Invalid, func() app.UI {
				return app.Tr().Body(app.Td().ColSpan(5).Class("whatif-empty").Text(empty))
			}).Else(func() app.UI {
				return app.Range(c.Rows).Slice(func(i int) app.UI {
					r := c.Rows[i]
					return app.Tr().ID("cmp-"+r.ID).Body(
						app.Th().Scope("row").Text(r.Label),
						app.Td().DataSet("label", cols[1]).Text(r.Base),
						app.Td().DataSet("label", cols[2]).Text(r.Scenario),
						app.Td().DataSet("label", cols[3]).Text(r.Diff),
						app.Td().DataSet("label", cols[4]).Text(r.DiffPct),
					)
				})
			})),
		),
	)
}
