//go:build wasm

package ui

import (
	"fmt"
	"net/url"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// warmUpPage is the URL of the page that the compiling worker
// (web/wasm-compile.js) warms app.wasm up for: it sets ltvWarmUp before it
// runs app.wasm in its own thread. On the page it is not set.
func warmUpPage() (string, bool) {
	v := js.Global().Get("ltvWarmUp")
	if v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

// warmUp renders the page at pageURL once, in the worker that compiled
// app.wasm, against the worker's stand-in document, and leaves in
// ltvWarmUp "done", or why it stopped. The worker's location is the page's
// URL, so the page reads its figures and language from it as in the page.
//
// V8 compiles each WebAssembly function the first time it runs, on the
// thread that runs it, and the compiled code belongs to the module, which
// the worker then hands to the page. Go's start, calc and go-app's first
// render are then compiled when the page runs them: on a 2-core machine
// the page's start goes from two long tasks (about 170 and 500 ms) to one
// of about 300 ms, and the app runs about 200 ms later. It is best effort:
// whatever fails here leaves more to compile on the page, nothing else.
func warmUp(pageURL string) {
	result := "done"
	defer func() {
		if r := recover(); r != nil {
			result = fmt.Sprint("stopped: ", r)
		}
		js.Global().Set("ltvWarmUp", result)
	}()
	u, err := url.Parse(pageURL)
	if err != nil {
		result = "stopped: " + err.Error()
		return
	}
	page, err := warmUpComposer(u.Path)
	if err != nil {
		result = "stopped: " + err.Error()
	}
	e := app.NewTestEngine()
	if err := e.Load(page); err != nil {
		result = "stopped: " + err.Error()
		return
	}
	e.ConsumeAll()
}
