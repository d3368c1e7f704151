package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"strings"

	"ltvlab/calc"
)

// leverInputs are the what-if levers: a scenario is the baseline with these
// changes. Empty levers change nothing.
var leverInputs = []inputSpec{
	{Key: "wchurn", Field: "what_if.churn_change_points", Label: "Churn change", Unit: "points",
		Hint: "-2 turns a 5\u00a0% churn into 3\u00a0%."},
	{Key: "wprice", Field: "what_if.price_change_pct", Label: "Price change", Unit: "%",
		Hint: "10 raises the order value or ARPA by 10\u00a0%; costs stay, so the margin rises too."},
	{Key: "welast", Field: "what_if.price_elasticity", Label: "Purchase-frequency elasticity", Unit: "",
		Hint: "How buying reacts to price: -0.5 means 10\u00a0% dearer, 5\u00a0% fewer purchases."},
	{Key: "wgm", Field: "what_if.margin_change_points", Label: "Gross margin change", Unit: "points",
		Hint: "5 turns a 60\u00a0% margin into 65\u00a0%."},
	{Key: "wcac", Field: "what_if.cac_change_pct", Label: "CAC change", Unit: "%",
		Hint: "-20 makes winning a customer 20\u00a0% cheaper."},
	// "unchanged", not "": go-app writes no empty value attribute, and the
	// option's label, in the page's language, would become the value.
	{Key: "wbill", Field: "what_if.annual_billing", Label: "Billing", Kind: kindSelect,
		Hint:    "Annual prepaid billing as a retention lever, with the annual churn and discount above.",
		Choices: []choice{{"unchanged", "Unchanged"}, {"annual", "Switch to annual, prepaid"}}},
}

// goalSpec is one goal-seek question: which input reaches which target.
type goalSpec struct {
	ID     string
	Label  string // the button
	Input  string // the scenario field to solve for
	Key    string // its URL key, to apply the answer
	Target string // calc's target name
	Value  string // the target figure
	Unit   string // of the answer
}

func (p *calcPage) whatIf() app.UI {
	v, l := p.view, p.loc
	levers := p.spec.levers()
	return app.Section().ID("whatif").Class("whatif").Aria("labelledby", "whatif-title").Body(
		app.H2().ID("whatif-title").Text(l.tr("What if?")),
		app.P().Class("field-hint").Text(l.tr("Change a lever to compare the scenario with your baseline figures.")),
		app.Div().Class("whatif-grid").Body(
			app.Div().Class("fields whatif-levers").Body(p.fields(levers)),
			app.Div().Class("whatif-table").Body(
				&compareTable{Loc: l, Rows: v.Compare, Levers: p.leversSet(), Invalid: p.leverError()},
			),
		),
		app.If(len(p.spec.Goals) > 0, func() app.UI {
			return app.Div().Class("goals").Body(
				app.H3().Text(l.tr("Goal seek")),
				app.Div().Class("goal-buttons").Body(app.Range(p.spec.Goals).Slice(func(i int) app.UI {
					g := p.spec.Goals[i]
					return app.Button().Type("button").ID("goal-" + g.ID).Class("button").Text(l.tr(g.Label)).
						OnClick(p.onGoal)
				})),
				app.Div().Aria("live", "polite").Body(
					app.If(p.goal.Answer != "", func() app.UI {
						return app.P().ID("goal-answer").Class("goal-answer").Body(
							app.Text(p.goal.Answer),
							app.If(p.goal.Key != "", func() app.UI {
								return app.Button().Type("button").ID("goal-apply").Class("button button-small").Text(l.tr("Use it")).
									OnClick(p.applyGoal)
							}),
						)
					}),
				),
			)
		}),
	)
}

// leversSet says which levers are set and to what, e.g. "Churn change: -2
// points; CAC change: -10 %", for the comparison (and its printout).
func (p *calcPage) leversSet() string {
	l := p.loc
	var set []string
	for _, lv := range p.spec.levers() {
		t := strings.TrimSpace(p.text[lv.Key])
		switch {
		case t == "" || t == "unchanged":
			continue
		case lv.Kind == kindSelect:
			for _, c := range lv.Choices {
				if c.Value == t {
					t = l.tr(c.Label)
				}
			}
		case lv.Unit != "":
			t += " " + p.unit(lv.Unit)
		}
		set = append(set, l.tr("{0}: {1}", l.tr(lv.Label), t))
	}
	return strings.Join(set, "; ")
}

// leverError reports whether a lever holds a figure calc refuses.
func (p *calcPage) leverError() bool {
	for _, lv := range p.spec.levers() {
		if p.errorMessage(lv) != "" {
			return true
		}
	}
	return false
}

// levers lists the levers that apply to the model: the cohort model's
// retention comes from its data, so only the CAC moves there.
func (s *pageSpec) levers() []inputSpec {
	var out []inputSpec
	for _, l := range leverInputs {
		switch {
		case l.Key == "welast" && s.Model != calc.ModelPurchase,
			l.Key == "wbill" && s.Model != calc.ModelSubscription,
			l.Key != "wcac" && s.Model == calc.ModelCohort:
			continue
		}
		out = append(out, l)
	}
	return out
}

// seek answers a goal-seek question for the current inputs.
// onGoal answers the goal-seek question of the button clicked, found by
// the button's id. One handler for every button: go-app keeps an element's
// handler when the new one has the same code, so a closure over the goal
// would keep answering the question of the calculator shown before.
func (p *calcPage) onGoal(ctx app.Context, e app.Event) {
	id := strings.TrimPrefix(ctx.JSSrc().Get("id").String(), "goal-")
	for _, g := range p.spec.Goals {
		if g.ID == id {
			p.seek(g)
			return
		}
	}
}

func (p *calcPage) seek(g goalSpec) {
	p.goal = goalSeek(p.scenario(), g, p.loc)
}

// applyGoal puts the goal-seek answer into its input.
func (p *calcPage) applyGoal(ctx app.Context, e app.Event) {
	if p.goal.Key == "" {
		return
	}
	p.text[p.goal.Key] = p.loc.typed(p.goal.Value)
	p.goal = goalView{}
	p.recompute()
	p.syncURL(ctx)
	p.showFields(ctx)
}
