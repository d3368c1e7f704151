package ui

import (
	"strings"

	"ltvlab/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *calcPage) Render() app.UI {
	p.loadFirst()
	p.rendered()
	if p.embed {
		return p.renderEmbed()
	}
	p.capturePremount()
	s, l := p.spec, p.loc
	return pageShell(shellState{Active: s.Path, Loc: l, Query: p.localeQuery(), Menus: p},
		app.H1().Text(l.tr(s.Title)),
		app.P().Class("lead").Text(l.tr(s.Lead)),
		p.stateNotice(),
		app.Form().Class("calc").Attr("novalidate", true).OnSubmit(preventSubmit).Body(
			app.Div().Class("inputs").Body(
				app.Div().Class("fields").Body(
					app.H2().Class("fields-title").Text(l.tr("Your figures")),
					p.fields(s.Inputs),
					app.If(len(s.Totals) > 0, func() app.UI {
						return p.section("totals", func() app.UI {
							return app.Details().Class("more").ID("totals").Body(
								app.Summary().Text(l.tr("Work them out from your totals")),
								app.P().Class("field-hint").Text(l.tr("Fill these to derive the order value, frequency and lifetime from a year's totals (they replace the figures above).")),
								p.fields(s.Totals),
							)
						})
					}),
				),
				app.Div().Class("fields").Body(
					app.H2().Class("fields-title").Text(l.tr("Acquisition cost")),
					p.fields(s.cacInputs()),
					p.section("cac-builder", func() app.UI {
						return app.Details().Class("more").ID("cac-builder").Body(
							app.Summary().Text(l.tr("Build your CAC from its parts")),
							app.If(strings.TrimSpace(p.text["cac"]) != "", func() app.UI {
								return app.P().ID("cac-parts-note").Class("field-note").Text(l.tr("Not used while a CAC is typed above: empty it to build the CAC from these parts."))
							}),
							p.fields(cacParts),
						)
					}),
				),
			),
			p.results(),
		),
		p.section("charts", p.charts),
		p.section("whatif", p.whatIf),
		p.section("scenarios", p.scenarios),
		p.section("how", func() app.UI {
			return app.Details().ID("how").Class("how").Body(
				app.Summary().Text(l.tr("How this is computed")),
				app.Range(s.How).Slice(func(i int) app.UI { return app.P().Text(l.tr(s.How[i])) }),
			)
		}),
		app.If(p.sharing, func() app.UI { return p.share().render() }),
		p.resultBar(),
	)
}

// resultBar keeps the headline figures in view on a phone while the visitor
// types anywhere on the page (the stylesheet shows it on narrow screens
// only, fixed to the bottom): the LTV and LTV:CAC, and a link to the whole
// result panel. showResult writes its figures with the panel's.
func (p *calcPage) resultBar() app.UI {
	v, l := p.view, p.loc
	class := "result-bar"
	if p.stale && !v.Empty {
		class += " result-bar-stale"
	}
	return app.A().Href("#results").Class(class).Body(
		app.Span().Class("result-bar-figures").Body(
			app.Span().Class("result-bar-item").Body(
				app.Span().Class("result-bar-label").Text(l.tr("LTV")),
				app.Span().ID("bar-ltv").Class("result-bar-figure").DataSet("headline", "ltv").Text(v.LTV),
			),
			app.If(v.Ratio != "", func() app.UI {
				return app.Span().Class("result-bar-item").Body(
					app.Span().Class("result-bar-label").Text(l.tr("LTV : CAC")),
					app.Span().ID("bar-ratio").Class("result-bar-figure").DataSet("headline", "ratio").Text(v.Ratio),
				)
			}),
		),
		app.Span().Class("result-bar-more").Text(l.tr("All results")),
	)
}

// renderEmbed is the compact view for other sites: the main inputs and the
// results, and a link to the full calculator with the same figures.
func (p *calcPage) renderEmbed() app.UI {
	s, l := p.spec, p.loc
	return app.Main().ID("main").Class("embed").DataSet("model", s.Model).Body(
		app.Form().Class("calc").Attr("novalidate", true).OnSubmit(preventSubmit).Body(
			app.Div().Class("fields").Body(
				app.H1().Class("embed-title").Text(l.tr(s.Title)),
				p.stateNotice(),
				p.fields(p.embedInputs()),
			),
			p.results(),
		),
		app.P().Class("embed-footer").Body(
			app.A().ID("open-full").Href(pageHref(p.fullURL())).Target("_blank").Rel("noopener").
				Text(l.tr("Open in LTV Lab: what-ifs, charts and more")),
		),
	)
}

// embedInputs are the inputs an embed shows: its calculator's
// (pageSpec.embedInputs), the cohort's period (its figures are per period),
// and any other that the link set (a gross margin given is shown, not
// applied unseen): decided when the link is read, so that no field comes or
// goes while the visitor types.
func (p *calcPage) embedInputs() []inputSpec {
	out := p.spec.embedInputs()
	has := map[string]bool{}
	for _, in := range out {
		has[in.Key] = true
	}
	for _, in := range p.spec.Inputs {
		if !has[in.Key] && (in.Key == "per" || p.embedExtra[in.Key]) {
			out = append(out, in)
		}
	}
	return out
}

// unit is an input's unit in the locale, the currency's symbol for "$".
func (p *calcPage) unit(u string) string {
	if u == "" {
		return ""
	}
	return strings.ReplaceAll(p.loc.tr(u), "$", p.loc.symbol())
}

// fields renders a list of inputs.
func (p *calcPage) fields(specs []inputSpec) app.UI {
	l := p.loc
	return app.Range(specs).Slice(func(i int) app.UI {
		in := specs[i]
		switch in.Kind {
		case kindSelect:
			return p.selectField(in)
		case kindText:
			return p.textField(in)
		}
		return &numberField{
			ID: in.Key, Label: l.tr(in.Label), Unit: p.unit(in.Unit), Hint: l.tr(in.Hint),
			Value: p.text[in.Key], Error: p.errorMessage(in), Note: p.unusedNote(in.Key), Form: p,
		}
	})
}

func (p *calcPage) selectField(in inputSpec) app.UI {
	l := p.loc
	current := p.text[in.Key]
	if current == "" && len(in.Choices) > 0 {
		current = in.Choices[0].Value
	}
	msg := p.errorMessage(in)
	note := p.selectNote(in.Key, current)
	return app.Div().Class("field").Body(
		app.Label().For(in.Key).Class("field-label").Text(l.tr(in.Label)),
		app.Select().ID(in.Key).Name(in.Key).Class("field-input").DataSet("q", in.Key).
			Aria("describedby", in.Key+"-hint").OnChange(p.onInput).Body(
			app.Range(in.Choices).Slice(func(i int) app.UI {
				c := in.Choices[i]
				o := app.Option().Value(c.Value).Text(l.tr(c.Label))
				if c.Value == current {
					o = o.Selected(true)
				}
				return o
			}),
		),
		app.P().ID(in.Key+"-hint").Class("field-hint").Text(l.tr(in.Hint)),
		app.If(note != "", func() app.UI {
			return app.P().ID(in.Key+"-note").Class("field-note").Attr("role", "status").Text(note)
		}),
		app.If(msg != "", func() app.UI {
			return app.P().ID(in.Key + "-error").Class("field-error").Text(msg)
		}),
	)
}

// selectNote is what a select's choice did or means, under the select:
// the period's conversion of the discount rate; for a subscription paid at
// the end of each month, why it comes to the same LTV without discounting.
func (p *calcPage) selectNote(key, current string) string {
	switch {
	case key == "per":
		return p.periodNote
	case key == "timing" && current == calc.TimingEnd && !nonZero(calc.Number(p.loc.parse(p.text["disc"]))):
		return p.loc.tr("Without a discount rate, when a payment counts does not change the LTV, only the payback month: set a discount rate to see the difference.")
	}
	return ""
}

func (p *calcPage) textField(in inputSpec) app.UI {
	l := p.loc
	msg := p.errorMessage(in)
	describedBy := in.Key + "-hint"
	if msg != "" {
		describedBy += " " + in.Key + "-error"
	}
	area := app.Textarea().ID(in.Key).Name(in.Key).Class("field-input field-area").
		Rows(3).Spellcheck(false).DataSet("q", in.Key).
		Aria("describedby", describedBy).OnInput(p.onInput)
	// go-app's Textarea().Text sets the value: a DOM property in the
	// browser, but when prerendering a value attribute, which browsers
	// ignore on a textarea and go-app writes with strconv.Quote (a quote in
	// the text ends it: markup injection). The prerendered page gets the
	// text as element content, which go-app escapes.
	if app.IsClient {
		area = area.Text(p.text[in.Key])
	} else {
		area = area.Body(app.Text(p.text[in.Key]))
	}
	if msg != "" {
		area = area.Aria("invalid", "true")
	}
	return app.Div().Class("field field-wide").Body(
		app.Label().For(in.Key).Class("field-label").Body(
			app.Text(l.tr(in.Label)),
			app.If(in.Unit != "", func() app.UI { return app.Span().Class("field-unit").Text(" (" + p.unit(in.Unit) + ")") }),
		),
		area,
		app.P().ID(in.Key+"-hint").Class("field-hint").Text(l.tr(in.Hint)),
		app.If(p.headers[in.Key] != "" || p.unusedNote(in.Key) != "", func() app.UI {
			note := p.unusedNote(in.Key)
			if note == "" {
				note = p.headers[in.Key]
			}
			return app.P().ID(in.Key + "-note").Class("field-note").Text(note)
		}),
		app.If(msg != "", func() app.UI {
			return app.P().ID(in.Key + "-error").Class("field-error").Text(msg)
		}),
	)
}

// results renders the result panel: the headline LTV, unit economics and
// the model's own figures.
func (p *calcPage) results() app.UI {
	v, l := p.view, p.loc
	rows := v.Rows
	if p.embed {
		rows = embedRows(rows)
	}
	class := "result"
	switch {
	case v.Empty:
		class += " result-empty"
	case p.stale || p.tables.reading:
		class += " result-stale"
	}
	return app.Section().ID("results").Class(class).Aria("labelledby", "ltv-label").Body(
		app.Div().Aria("live", "polite").Body(
			app.H2().ID("ltv-label").Class("result-label").Text(l.tr("Lifetime value")),
			app.Output().ID("ltv").Class("result-value").DataSet("headline", "ltv").Text(v.LTV),
			app.P().Class("result-detail").ID("ltv-detail").Text(v.LTVDetail),
			app.If(v.Verdict != "", func() app.UI {
				return app.P().ID("verdict").Class(verdictClass(v.VerdictLevel)).Text(v.Verdict)
			}),
		),
		app.Dl().Class("result-rows").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				return app.Div().Class("result-row").Body(
					app.Dt().Text(r.Label),
					app.Dd().ID(r.ID).Body(app.Span().Class("result-figure").Text(r.Value)),
					app.If(r.Note != "", func() app.UI { return app.Dd().ID(r.ID + "-note").Class("result-note").Text(r.Note) }),
				)
			}),
		),
		app.If(!p.embed, func() app.UI {
			return app.Button().Type("button").ID("share-open").Class("button share-button").Text(l.tr("Share / Embed")).OnClick(p.openShare)
		}),
		app.If(p.stale && !v.Empty, func() app.UI {
			return app.P().ID("stale-note").Class("result-stale-note").Text(l.tr("Out of date: fix the highlighted fields to update."))
		}),
		app.If(p.tables.reading, func() app.UI {
			return app.P().ID("reading-note").Class("result-stale-note").Text(l.tr("Reading the table: these results are those of the table before."))
		}),
	)
}

// verdictClass is the class of the verdict of a level: its colour.
func verdictClass(level string) string { return "verdict verdict-" + level }

func (p *calcPage) charts() app.UI {
	v := p.view
	return &chartsPanel{Survival: v.Survival, Payback: v.Payback, Tornado: v.Tornado}
}

// errorMessage is the message under an input, in the locale, or "".
func (p *calcPage) errorMessage(in inputSpec) string {
	if fe := p.errorFor(in); fe != nil {
		return errorText(fe, p.loc)
	}
	return ""
}

// onLocale switches the language (the "lang" menu) or the currency ("cur").
func (p *calcPage) onLocale(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	l := p.loc.choose(el.Get("name").String(), el.Get("value").String())
	p.withCatalog(ctx, l, p.setLocale)
}

// localeQuery is the lang= and cur= part of the URL, carried by the links
// between calculators.
func (p *calcPage) localeQuery() string {
	return "lang=" + p.loc.Lang + "&cur=" + p.loc.Currency
}

// preventSubmit keeps Enter in a field from reloading the page: results
// update as the visitor types.
func preventSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }

// unusedNote says, under a figure that the page does not use, what it
// uses instead, so that what the field shows is never mistaken for what
// is computed: the purchase figures that the totals replace, the survival
// curve that a cohort table or a given alpha and beta replace.
func (p *calcPage) unusedNote(key string) string {
	l, r := p.loc, p.view
	has := func(k string) bool { return strings.TrimSpace(p.text[k]) != "" }
	switch {
	case p.spec.Model == calc.ModelPurchase && key == "aov" && has("rev") && has("orders") && has(key):
		return l.tr("Not used: your totals give {0}.", r.derived.aov)
	case p.spec.Model == calc.ModelPurchase && key == "freq" && has("orders") && has("cust") && has(key):
		return l.tr("Not used: your totals give {0}.", r.derived.freq)
	case p.spec.Model == calc.ModelPurchase && (key == "years" || key == "churn") && has("cyears") && has("cust") && has(key):
		return l.tr("Not used: your totals give {0}.", r.derived.years)
	case p.spec.Model == calc.ModelCohort && key == "surv" && has("coh") && has(key):
		return l.tr("Not used: the cohort table below is.")
	case p.spec.Model == calc.ModelCohort && (key == "surv" || key == "coh") && has("a") && has("b") && has(key):
		return l.tr("Not used: alpha and beta are given.")
	}
	return ""
}
