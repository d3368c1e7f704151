//go:build wasm && orders

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The order file page's orders.wasm (routes.go): the page, and the same
// module run as its order worker.

func registerBrowserRoutes() { registerOrderRoutes() }

// startOrderWorker runs the order worker, and never returns, when this
// copy of orders.wasm was started as one.
func startOrderWorker() {
	if orderWorkerMode() {
		runOrderWorker()
	}
}

// warmUpComposer is the page that the compiling worker renders once
// (warm-up_wasm.go): the order page with a year of orders read and fitted,
// so that the reader and the models are compiled too.
func warmUpComposer(string) (app.Composer, error) { return warmTransactions(300) }
