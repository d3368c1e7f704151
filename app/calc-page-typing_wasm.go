//go:build wasm

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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
	case partNote:
		if el = el.Get("firstChild"); el.Truthy() {
			el = el.Get("nextSibling")
		}
	}
	if !el.Truthy() {
		return
	}
	if n := el.Get("firstChild"); n.Truthy() && n.Get("nodeType").Int() == 3 {
		n.Set("nodeValue", text)
	}
}
