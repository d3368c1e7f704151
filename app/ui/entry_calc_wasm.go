//go:build wasm && !orders

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The calculators' app.wasm (routes.go): the calculators and their embeds.

func registerBrowserRoutes() { registerCalcRoutes() }

// startOrderWorker: this build has no order worker.
func startOrderWorker() {}

// warmUpComposer is the page that the compiling worker renders once for
// the page at urlPath (warm-up_wasm.go).
func warmUpComposer(urlPath string) (app.Composer, error) { return pageForPath(urlPath), nil }
