package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// markAppReady flags the document (<html data-app="ready">) once the app runs
// in the browser, so tests and measurements can tell the live app from the
// prerendered page, lifts the marks that hid the prerendered figures of
// another link or language (the site's head script), and puts the caret back
// where the visitor was typing before the app replaced the prerendered page
// (web/page.js remembers it).
func markAppReady() {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	root := doc.Get("documentElement")
	root.Call("setAttribute", "data-app", "ready")
	root.Call("removeAttribute", "data-pending")
	root.Call("removeAttribute", "data-fill")
	f := app.Window().Get("ltvFocus")
	if !f.Truthy() {
		return
	}
	app.Window().Set("ltvFocus", nil)
	el := doc.Call("getElementById", f.Get("id").String())
	if !el.Truthy() {
		return
	}
	el.Call("focus")
	if start, end := f.Get("start"), f.Get("end"); start.Type() == app.TypeNumber && end.Type() == app.TypeNumber {
		el.Call("setSelectionRange", start.Int(), end.Int())
	}
}
