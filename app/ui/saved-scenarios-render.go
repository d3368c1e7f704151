package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func (c *savedScenarios) Render() app.UI {
	l := c.Loc
	return app.Section().ID("scenarios").Class("scenarios").Aria("labelledby", "scenarios-title").Body(
		app.H2().ID("scenarios-title").Text(l.tr("Your scenarios")),
		app.P().Class("field-hint").Text(l.tr("Saved in this browser only: nothing is sent anywhere.")),
		app.If(c.list.Problem == "" && !c.noStore, func() app.UI { return c.saveForm() }),
		app.P().ID("scenario-status").Class("scenario-status").Attr("role", "status").Text(c.status),
		app.P().ID("scenario-failure").Class("scenario-failure").Attr("role", "alert").Text(c.failure),
		app.H3().ID("scenario-list-title").TabIndex(-1).Text(l.tr("Saved scenarios")),
		c.listBody(),
		app.H3().Text(l.tr("Files and printing")),
		app.Div().Class("scenario-files").Body(
			app.Button().Type("button").ID("scenario-export-json").Class("button").Text(l.tr("Download as JSON")).OnClick(c.exportJSON),
			app.Button().Type("button").ID("scenario-export-csv").Class("button").Text(l.tr("Download the projection (CSV)")).OnClick(c.exportCSV),
			app.Button().Type("button").ID("scenario-print").Class("button").Text(l.tr("Print")).OnClick(c.print),
		),
		app.Div().Class("field scenario-import").Body(
			app.Label().For("scenario-import").Class("field-label").Text(l.tr("Open a scenario file")),
			app.Input().Type("file").ID("scenario-import").Class("scenario-file").
				Accept("application/json,.json").Aria("describedby", "scenario-import-hint").OnChange(c.chooseFile),
			app.P().ID("scenario-import-hint").Class("field-hint").
				Text(l.tr("A JSON file in LTV Lab's scenario format, as downloaded above, of at most {0} KiB.", l.number(strconv.Itoa(maxImportBytes>>10)))),
			app.Div().ID("scenario-import-errors").Attr("role", "alert").Body(
				app.If(len(c.importErrs) > 0, func() app.UI {
					return app.Div().Class("field-error").Body(
						app.P().Text(l.tr("“{0}” could not be opened:", c.importName)),
						app.Ul().Body(app.Range(c.importErrs).Slice(func(i int) app.UI {
							return app.Li().Text(c.importErrs[i])
						})),
					)
				}),
			),
		),
	)
}

// saveForm is the name field and the Save button.
func (c *savedScenarios) saveForm() app.UI {
	l := c.Loc
	return app.Form().Class("scenario-save").OnSubmit(c.save).Body(
		app.Div().Class("field").Body(
			app.Label().For("scenario-name").Class("field-label").Text(l.tr("Name")),
			app.Input().Type("text").ID("scenario-name").Class("field-input").MaxLength(maxNameRunes).
				AutoComplete(false).Aria("describedby", "scenario-name-hint").
				OnInput(func(ctx app.Context, e app.Event) { c.name = ctx.JSSrc().Get("value").String() }),
			app.P().ID("scenario-name-hint").Class("field-hint").Text(l.tr("Optional: without a name, the scenario is named after the calculator and the time.")),
		),
		app.Button().Type("submit").ID("scenario-save").Class("button").Text(l.tr("Save these figures")),
	)
}

// listBody is the saved scenarios, or why there are none.
func (c *savedScenarios) listBody() app.UI {
	l := c.Loc
	var note string
	switch {
	case !c.loaded:
		return app.P().Class("field-hint").ID("scenario-empty").Text(l.tr("Your saved scenarios appear here once the page has loaded."))
	case c.noStore:
		note = l.tr("This browser does not let the page store anything, so scenarios cannot be saved here: download them as JSON instead.")
	case c.list.Problem == docNewer:
		note = l.tr("Your saved scenarios were stored by a newer version of LTV Lab. Reload the page to get it; until then they are left as they are, and nothing can be saved.")
	case c.list.Problem == docUnreadable:
		return app.Div().ID("scenario-problem").Class("scenario-problem").Body(
			app.P().Text(l.tr("Your saved scenarios could not be read: the stored data is damaged. It is left as it is, and nothing can be saved until you start a new list.")),
			c.confirmable(wholeList, -1, l.tr("Start a new list"), l.tr("Delete the damaged data and start a new list?"), c.startOver),
		)
	}
	if note != "" {
		return app.P().ID("scenario-problem").Class("scenario-problem").Text(note)
	}
	return app.Div().Body(
		app.If(c.list.Skipped == 1, func() app.UI {
			return app.P().ID("scenario-skipped").Class("scenario-problem").Text(l.tr("1 saved scenario could not be read and was skipped."))
		}).ElseIf(c.list.Skipped > 1, func() app.UI {
			return app.P().ID("scenario-skipped").Class("scenario-problem").
				Text(l.tr("{0} saved scenarios could not be read and were skipped.", l.number(strconv.Itoa(c.list.Skipped))))
		}),
		app.If(len(c.list.Items) == 0, func() app.UI {
			return app.P().ID("scenario-empty").Class("field-hint").Text(l.tr("No saved scenarios yet."))
		}).Else(func() app.UI {
			return app.Ul().ID("scenario-list").Class("scenario-list").Body(
				app.Range(c.list.Items).Slice(func(i int) app.UI { return c.item(i) }),
			)
		}),
	)
}

// item is one saved scenario: its name, model and date, and its actions.
func (c *savedScenarios) item(i int) app.UI {
	l, s := c.Loc, c.list.Items[i]
	n := strconv.Itoa(i)
	meta := l.tr(modelLabel(s.Model))
	if !s.SavedAt.IsZero() {
		meta += " · " + s.SavedAt.Local().Format("2006-01-02 15:04")
	}
	if c.renaming == s.ID {
		return app.Li().Class("scenario-item").Body(
			app.Form().Class("scenario-rename").DataSet("i", n).OnSubmit(c.rename).Body(
				app.Label().For(renameFieldID(i)).Class("field-label").Text(l.tr("New name for “{0}”", s.Name)),
				app.Input().Type("text").ID(renameFieldID(i)).Class("field-input").MaxLength(maxNameRunes).AutoComplete(false).
					OnInput(func(ctx app.Context, e app.Event) { c.newName = ctx.JSSrc().Get("value").String() }).
					DataSet("i", n).OnKeyDown(c.renameKey),
				app.Div().Class("scenario-actions").Body(
					app.Button().Type("submit").ID("scenario-rename-save-"+n).Class("button button-small").Text(l.tr("Save name")),
					app.Button().Type("button").ID("scenario-rename-cancel-"+n).Class("button button-small").Text(l.tr("Cancel")).DataSet("i", n).OnClick(c.cancelRename),
				),
			),
		)
	}
	return app.Li().Class("scenario-item").Body(
		app.Div().Class("scenario-label").Body(
			app.Span().ID("scenario-name-"+n).Class("scenario-name").Text(s.Name),
			app.Span().Class("scenario-meta").Text(meta),
		),
		app.If(c.deleting == s.ID, func() app.UI {
			return c.confirmable(s.ID, i, "", l.tr("Delete “{0}”?", s.Name), c.remove)
		}).Else(func() app.UI {
			return app.Div().Class("scenario-actions").Body(
				app.Button().Type("button").ID("scenario-open-"+n).Class("button button-small").DataSet("i", n).OnClick(c.open).Body(
					app.Text(l.tr("Open")), app.Span().Class("visually-hidden").Text(" "+s.Name),
				),
				app.Button().Type("button").ID("scenario-renamebtn-"+n).Class("button button-small").DataSet("i", n).OnClick(c.startRename).Body(
					app.Text(l.tr("Rename")), app.Span().Class("visually-hidden").Text(" "+s.Name),
				),
				app.Button().Type("button").ID("scenario-delete-"+n).Class("button button-small").DataSet("i", n).OnClick(c.askDelete).Body(
					app.Text(l.tr("Delete")), app.Span().Class("visually-hidden").Text(" "+s.Name),
				),
			)
		}),
	)
}

// confirmable is a destructive action in two steps: a button (label; none
// when the question is already asked elsewhere), then the question with
// "Yes, delete" and "Keep". i is the item's index, -1 for the whole list.
func (c *savedScenarios) confirmable(id string, i int, label, question string, do app.EventHandler) app.UI {
	l := c.Loc
	n := "all"
	back := "scenario-start-over"
	if i >= 0 {
		n = strconv.Itoa(i)
		back = "scenario-delete-" + n
	}
	if c.deleting != id {
		return app.Button().Type("button").ID(back).Class("button button-small").Text(label).DataSet("i", n).OnClick(c.askDelete)
	}
	return app.Div().Class("scenario-confirm").Body(
		app.P().ID("scenario-question-"+n).Class("scenario-question").Text(question),
		app.Div().Class("scenario-actions").Body(
			app.Button().Type("button").ID("scenario-confirm-"+n).Class("button button-small").
				Aria("describedby", "scenario-question-"+n).Text(l.tr("Yes, delete")).DataSet("i", n).OnClick(do),
			app.Button().Type("button").ID("scenario-keep-"+n).Class("button button-small").
				Aria("describedby", "scenario-question-"+n).Text(l.tr("Keep")).DataSet("i", n).OnClick(c.keep),
		),
	)
}
