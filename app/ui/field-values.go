package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// What a field shows is the page's state, whichever way the state arrived.
//
// go-app cannot be trusted with that. It writes an input's value only when
// its own virtual DOM sees the value change, and it never writes an empty
// one: attributes.Set (go-app v10.1.11, attribute.go) tests the value, not
// the attribute's name, against "value", so an empty value is dropped, and
// the update then removes the value attribute, which leaves the text a
// field already shows in place. A link with ?years= showed the default
// "3"; a file without a margin left "80" on screen while the page computed
// with none, and typing into it gave "8070". So whenever the state changes
// other than by typing (a link, a reload, a saved scenario or a file, a
// goal-seek answer, another calculator), the page writes every field's
// value itself once go-app has rendered it (showFields). Typing needs
// nothing: the field already shows what was typed.

// shownInputs are the inputs the page shows: the embed only the main
// figures and the CAC; the full page every input of its calculator, the
// CAC's parts and the what-if levers of its model.
func (p *calcPage) shownInputs() []inputSpec {
	if p.embed {
		return p.embedInputs()
	}
	out := append([]inputSpec{}, p.spec.Inputs...)
	out = append(out, p.spec.Totals...)
	out = append(out, p.spec.cacInputs()...)
	out = append(out, cacParts...)
	return append(out, p.spec.levers()...)
}

// fieldTexts is what each field shown should hold, by URL key: the text of
// the input, and for a select the option chosen: the first when the text is
// empty, none ("") when no option has the text.
func (p *calcPage) fieldTexts() map[string]string {
	out := map[string]string{}
	for _, in := range p.shownInputs() {
		out[in.Key] = p.fieldText(in)
	}
	return out
}

func (p *calcPage) fieldText(in inputSpec) string {
	t := p.text[in.Key]
	if in.Kind != kindSelect {
		return t
	}
	if t == "" && len(in.Choices) > 0 {
		return in.Choices[0].Value
	}
	for _, c := range in.Choices {
		if c.Value == t {
			return t
		}
	}
	return ""
}

// showFields writes every field's value from the state, as it is once the
// render that ctx's change causes is on screen. Natively there is no page.
func (p *calcPage) showFields(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) { setFieldValues(p.fieldTexts()) })
}
