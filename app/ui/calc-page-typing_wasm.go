//go:build wasm

package ui

import (
	"net/url"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// setNodeText replaces one text of the result panel: in the text node that
// go-app made for it, or the class attribute, so that go-app's next render
// of the panel updates the same node.
func setNodeText(id string, part int, text string) {
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	switch part {
	case partClass:
		el.Set("className", text)
		return
	case partFigure:
		el = el.Get("firstChild")
	}
	if !el.Truthy() {
		return
	}
	if n := el.Get("firstChild"); n.Truthy() && n.Get("nodeType").Int() == 3 {
		n.Set("nodeValue", text)
	}
}

// flushURLOnHide writes the URL at once when the page is hidden or left
// (another tab, the app switcher, a reload, closing) while a write is still
// due, so that the address kept by the browser carries the last keystroke.
// The listener is called synchronously by the browser, ahead of the unload
// that go-app's event loop would be too late for. It returns the function
// that removes the listeners.
func (p *calcPage) flushURLOnHide() func() {
	doc := js.Global().Get("document")
	flush := js.FuncOf(func(this js.Value, args []js.Value) any {
		hidden := len(args) > 0 && args[0].Get("type").String() == "pagehide" ||
			doc.Get("visibilityState").String() == "hidden"
		if !hidden || !p.mounted || !p.urlDue {
			return nil
		}
		p.urlDue, p.urlAt = false, time.Now()
		hist := js.Global().Get("history")
		if u, err := url.Parse(js.Global().Get("location").Get("href").String()); err == nil {
			p.carryState(u)
			hist.Call("replaceState", hist.Get("state"), "", u.String())
		}
		return nil
	})
	js.Global().Call("addEventListener", "pagehide", flush)
	doc.Call("addEventListener", "visibilitychange", flush)
	return func() {
		js.Global().Call("removeEventListener", "pagehide", flush)
		doc.Call("removeEventListener", "visibilitychange", flush)
		flush.Release()
	}
}

// setFieldValues sets the value of each field, found by its id (its URL
// key), to its text, where it differs. A field that the page does not show
// is left alone.
func setFieldValues(texts map[string]string) {
	doc := js.Global().Get("document")
	for id, text := range texts {
		el := doc.Call("getElementById", id)
		if el.Truthy() && el.Get("value").String() != text {
			el.Set("value", text)
		}
	}
}
