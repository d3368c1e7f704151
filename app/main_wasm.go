//go:build wasm

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// main in the browser only registers the routes and starts the UI: every
// native-only line (generator, server, CLI) stays out of app.wasm.
func main() {
	registerRoutes()
	app.RunWhenOnBrowser()
}
