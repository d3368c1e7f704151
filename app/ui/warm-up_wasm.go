//go:build wasm

package ui

import (
	"encoding/json"
	"fmt"
	"net/url"
	"syscall/js"
	"time"

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
	warmUpAround(e, u)
}

// warmUpAround runs what the page runs around its first render and the
// render above does not, so that V8 compiles it here too: on the page it
// was 120 to 440 ms of compiling inside the first render's task at 4x CPU
// (go run ./bench -only starttasks). go-app's navigation, which reads its
// internal URLs as JSON (encoding/json's decoder alone was a third of it);
// the engine's loop, which waits on a ticker; and the browser calling back
// into Go (events, the yield before the render).
func warmUpAround(e app.TestEngine, u *url.URL) {
	var urls []string
	_ = json.Unmarshal([]byte(`["/a/","/b"]`), &urls)
	if nav, ok := e.(interface{ Navigate(*url.URL, bool) }); ok {
		// The path alone: the test engine's origin has no host (another
		// host is opened in a new window), and a fragment would wait for
		// the engine's loop.
		nav.Navigate(&url.URL{Path: u.Path, RawQuery: u.RawQuery}, false)
		e.ConsumeAll()
	}
	yieldToBrowser()
	tick := time.NewTicker(time.Millisecond)
	select {
	case <-tick.C:
	case <-time.After(time.Second):
	}
	tick.Stop()
}
