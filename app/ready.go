package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// markAppReady flags the document (<html data-app="ready">) once the app runs
// in the browser, so tests and measurements can tell the live app from the
// prerendered page.
func markAppReady() {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-app", "ready")
	}
}
