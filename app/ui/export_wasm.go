//go:build wasm

package ui

import "syscall/js"

// download offers data as a file: a Blob, and a click on a temporary
// <a download> that points at it. The Blob's URL is revoked a minute later,
// once the browser has surely read it.
func download(name, mime string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	w := js.Global()
	bytes := w.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(bytes, data)
	blob := w.Get("Blob").New([]any{bytes}, map[string]any{"type": mime})
	href := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		w.Get("URL").Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 60000)
	return nil
}

// printPage opens the browser's print dialog (web/ltv.css has the print
// layout).
func printPage() {
	js.Global().Call("print")
}
