package ui

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Main is the browser entry of both builds (routes.go): it registers the
// build's routes and starts the UI, or, in the worker that compiles the
// module, warms it up (warmUp), or, in orders.wasm, runs the order file
// page's work in its worker (startOrderWorker).
//
// Between Go's start (the runtime and the packages initialising) and
// go-app's first render it gives the main thread back to the browser: two
// shorter tasks instead of one long one, so that the prerendered page keeps
// answering while the app starts.
func Main() {
	if page, ok := warmUpPage(); ok {
		warmUp(page)
		return
	}
	startOrderWorker()
	registerBrowserRoutes()
	// The page's language before its first render (the head script has
	// preloaded it): the first render is then in that language.
	loaded := make(chan struct{})
	loadCatalog(startLanguage(), func() { close(loaded) })
	<-loaded
	yieldToBrowser()
	app.RunWhenOnBrowser()
}

// yieldToBrowser returns once the browser has run the tasks waiting for the
// main thread. A time.Sleep would not do: the Go scheduler keeps the thread
// while other goroutines run and wakes the sleeper itself when its timer
// has passed by then.
func yieldToBrowser() {
	done := make(chan struct{})
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		close(done)
		return nil
	})
	js.Global().Call("setTimeout", f, 0)
	<-done
}
