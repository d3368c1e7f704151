//go:build wasm

package ui

import (
	"fmt"
	"net/url"
	"strings"
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
	var page app.Composer
	if strings.HasSuffix(u.Path, "/transactions") {
		p, err := warmTransactions(300)
		if err != nil {
			result = "stopped: " + err.Error()
		}
		page = p
	} else {
		page = pageForPath(u.Path)
	}
	e := app.NewTestEngine()
	if err := e.Load(page); err != nil {
		result = "stopped: " + err.Error()
		return
	}
	e.ConsumeAll()
	if _, ok := page.(*transactionsPage); ok && result == "done" {
		warmUpMore(result)
	}
}

// warmUpMore hands the module over to the page first (web/wasm-compile.js
// sets ltvWarmUpPost), then goes on in the worker with a file the size of a
// shop's year (3,000 customers) and renders its results. The order-file
// page's first fit otherwise runs V8's first, unoptimized code of the
// reading, the fits and the render: about 0.6-0.9 s and tasks of 150-250 ms
// on this 2-core machine, against 0.14 s and none on a second file. V8
// optimizes a function that has run long enough, for the module, so for
// the page too: a file chosen after this (over 0.5 to 0.9 s after the page
// is ready) fits in 0.24 to 0.43 s, its tasks mostly under 100 ms, up to
// 130 (BenchmarkBrowserTransactions). The worker's second copy of the app
// lives that long: it is ended when it is done.
func warmUpMore(result string) {
	post := js.Global().Get("ltvWarmUpPost")
	if post.Type() != js.TypeFunction {
		return
	}
	js.Global().Set("ltvWarmUp", result)
	post.Invoke(result)
	yieldToBrowser() // the worker posts the module
	p, err := warmTransactions(3000)
	if err != nil {
		return
	}
	e := app.NewTestEngine()
	if e.Load(p) == nil {
		e.ConsumeAll()
	}
}
