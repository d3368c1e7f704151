package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// numberField is one labelled numeric input of a calculator. It is a
// component of its own, so that go-app redraws only the field whose text or
// message changed, not the two dozen others of the page, on each keystroke.
type numberField struct {
	app.Compo

	ID    string    // element id, also the URL query key
	Label string    // visible label
	Unit  string    // unit shown after the label, e.g. "$" or "years"
	Hint  string    // one line under the label
	Value string    // the text as typed
	Error string    // the error message, "" when the value is valid
	Note  string    // what the page makes of the figure, e.g. that it is not used
	Form  inputForm // takes the typed text
}

// inputForm takes what is typed into an input: the page that owns the
// inputs. An interface, not a func field: go-app compares a component's
// fields to tell whether to redraw it, and two funcs never compare equal.
type inputForm interface {
	setText(ctx app.Context, key, text string)
}

// onInput hands the typed text to the form. It reads the field's ID when
// called, so that the handler stays right when go-app reuses the element
// for another input (switching calculators).
func (f *numberField) onInput(ctx app.Context, e app.Event) {
	f.Form.setText(ctx, f.ID, ctx.JSSrc().Get("value").String())
}

// Render draws the label, the input, its hint and its error message, wired
// together for assistive technology (aria-describedby, aria-invalid).
func (f *numberField) Render() app.UI {
	hintID, errID := f.ID+"-hint", f.ID+"-error"
	describedBy := hintID
	if f.Error != "" {
		describedBy += " " + errID
	}
	input := app.Input().
		Type("text").
		ID(f.ID).
		Name(f.ID).
		Class("field-input").
		Attr("inputmode", "decimal").
		AutoComplete(false).
		Spellcheck(false).
		DataSet("q", f.ID).
		Value(attrNumber(f.Value)).
		Aria("describedby", describedBy).
		OnInput(f.onInput)
	if f.Error != "" {
		input = input.Aria("invalid", "true")
	}
	return app.Div().Class("field").Body(
		app.Label().For(f.ID).Class("field-label").Body(
			app.Text(f.Label),
			app.If(f.Unit != "", func() app.UI {
				return app.Span().Class("field-unit").Text(" (" + f.Unit + ")")
			}),
		),
		input,
		app.P().ID(hintID).Class("field-hint").Text(f.Hint),
		app.If(f.Note != "", func() app.UI {
			return app.P().ID(f.ID + "-note").Class("field-note").Text(f.Note)
		}),
		app.If(f.Error != "", func() app.UI {
			return app.P().ID(errID).Class("field-error").Text(f.Error)
		}),
	)
}

// attrNumber returns the text to put in an input's value attribute. In the
// browser the value is set as a DOM property, so the typed text is kept as is.
// When prerendering, go-app writes attributes without HTML escaping, so only a
// validated number may go into the page: anything else renders as empty.
func attrNumber(s string) string {
	if app.IsClient {
		return s
	}
	if _, err := calc.ParseDecimal("", s); err != nil {
		return ""
	}
	return strings.TrimSpace(s)
}
