//go:build wasm

package ui

import "syscall/js"

// onNextFrame runs f before the browser paints its next frame, or at once
// (a task) when the page is hidden, where frames wait until it shows.
func onNextFrame(f func()) {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	if js.Global().Get("document").Get("visibilityState").String() == "hidden" {
		js.Global().Call("setTimeout", cb, 0)
		return
	}
	js.Global().Call("requestAnimationFrame", cb)
}

// markTableRead marks the start and the end of a read of the tables in the
// browser's performance timeline ("ltvlab:table-read", with what as its
// detail: start, done or stopped), for the developer tools and the tests.
func markTableRead(what string) {
	perf := js.Global().Get("performance")
	if perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "ltvlab:table-read", map[string]any{"detail": what})
	}
}
