package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (p *calcPage) Render() app.UI {
	p.rendered()
	if p.embed {
		return p.renderEmbed()
	}
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
						return app.Details().Class("more").ID("totals").Body(
							app.Summary().Text(l.tr("Work them out from your totals")),
							app.P().Class("field-hint").Text(l.tr("Fill these to derive the order value, frequency and lifetime from a year's totals (they replace the figures above).")),
							p.fields(s.Totals),
						)
					}),
				),
				app.Div().Class("fields").Body(
					app.H2().Class("fields-title").Text(l.tr("Acquisition cost")),
					p.fields(s.cacInputs()),
					app.Details().Class("more").ID("cac-builder").Body(
						app.Summary().Text(l.tr("Build your CAC from its parts")),
						p.fields(cacParts),
					),
				),
			),
			p.results(),
		),
		p.charts(),
		p.whatIf(),
		p.scenarios(),
		app.Details().Class("how").Body(
			app.Summary().Text(l.tr("How this is computed")),
			app.Range(s.How).Slice(func(i int) app.UI { return app.P().Text(l.tr(s.How[i])) }),
		),
		app.If(p.sharing, func() app.UI { return p.share().render() }),
	)
}

// renderEmbed is the compact view for other sites: the main inputs and the
// results, and a link to the full calculator with the same figures.
func (p *calcPage) renderEmbed() app.UI {
	s, l := p.spec, p.loc
	return app.Main().ID("main").Class("embed").Body(
		app.Form().Class("calc").Attr("novalidate", true).OnSubmit(preventSubmit).Body(
			app.Div().Class("fields").Body(
				app.H1().Class("embed-title").Text(l.tr(s.Title)),
				p.stateNotice(),
				p.fields(s.mainInputs()),
				p.fields(s.cacInputs()),
			),
			p.results(),
		),
		app.P().Class("embed-footer").Body(
			app.A().ID("open-full").Href(pageHref(p.fullURL())).Target("_blank").Rel("noopener").
				Text(l.tr("Open in LTV Lab: what-ifs, charts and more")),
		),
	)
}

// mainInputs are the inputs that an embed shows: the first few figures,
// without the optional ones.
func (s *pageSpec) mainInputs() []inputSpec {
	var out []inputSpec
	for _, in := range s.Inputs {
		if in.Default != "" && in.Kind != kindSelect {
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
			Value: p.text[in.Key], Error: p.errorMessage(in), Form: p,
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
		app.If(msg != "", func() app.UI {
			return app.P().ID(in.Key + "-error").Class("field-error").Text(msg)
		}),
	)
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
		app.If(msg != "", func() app.UI {
			return app.P().ID(in.Key + "-error").Class("field-error").Text(msg)
		}),
	)
}

// results renders the result panel: the headline LTV, unit economics and
// the model's own figures.
func (p *calcPage) results() app.UI {
	v, l := p.view, p.loc
	class := "result"
	if p.stale || p.tables.reading {
		class += " result-stale"
	}
	return app.Section().Class(class).Aria("labelledby", "ltv-label").Body(
		app.Div().Aria("live", "polite").Body(
			app.H2().ID("ltv-label").Class("result-label").Text(l.tr("Lifetime value")),
			app.Output().ID("ltv").Class("result-value").Text(v.LTV),
			app.P().Class("result-detail").ID("ltv-detail").Text(v.LTVDetail),
			app.If(v.Verdict != "", func() app.UI {
				return app.P().ID("verdict").Class(verdictClass(v.VerdictLevel)).Text(v.Verdict)
			}),
		),
		app.Dl().Class("result-rows").Body(
			app.Range(v.Rows).Slice(func(i int) app.UI {
				r := v.Rows[i]
				return app.Div().Class("result-row").Body(
					app.Dt().Text(r.Label),
					app.Dd().ID(r.ID).Body(
						app.Span().Class("result-figure").Text(r.Value),
						app.If(r.Note != "", func() app.UI { return app.Span().Class("result-note").Text(r.Note) }),
					),
				)
			}),
		),
		app.If(!p.embed, func() app.UI {
			return app.Button().Type("button").ID("share-open").Class("button share-button").Text(l.tr("Share / Embed")).OnClick(p.openShare)
		}),
		app.If(p.stale, func() app.UI {
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
	l := p.loc
	switch v := el.Get("value").String(); el.Get("name").String() {
	case "lang":
		if knownLanguage(v) {
			l.Lang = v
		}
	case "cur":
		if knownCurrency(v) {
			l.Currency = v
		}
	}
	p.setLocale(ctx, l)
}

// localeQuery is the lang= and cur= part of the URL, carried by the links
// between calculators.
func (p *calcPage) localeQuery() string {
	return "lang=" + p.loc.Lang + "&cur=" + p.loc.Currency
}

// preventSubmit keeps Enter in a field from reloading the page: results
// update as the visitor types.
func preventSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }
