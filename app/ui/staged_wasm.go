//go:build wasm

package ui

import (
	"strings"
	"syscall/js"
)

// prerenderedSections is the outer HTML of the elements with these ids in
// the prerendered document, by id, marked data-premount (and hidden, with
// "hidden", when the head script marked the document data-pending: the
// prerendered figures or language are not the page's). None once the app
// has taken over the document, or in the compiling worker's stand-in one.
func prerenderedSections(ids []string) map[string]string {
	doc := js.Global().Get("document")
	if doc.Type() != js.TypeObject {
		return nil
	}
	root := doc.Get("documentElement")
	if root.Type() != js.TypeObject || root.Call("hasAttribute", "data-app").Bool() {
		return nil
	}
	mark := ` data-premount=""`
	if root.Call("hasAttribute", "data-pending").Bool() {
		mark = ` data-premount="hidden"`
	}
	m := map[string]string{}
	for _, id := range ids {
		el := doc.Call("getElementById", id)
		if el.Type() != js.TypeObject {
			continue
		}
		html := el.Get("outerHTML")
		if html.Type() != js.TypeString {
			continue
		}
		s := html.String()
		// After the tag's name: <section data-premount="" id=...
		i := strings.IndexAny(s, " >")
		if !strings.HasPrefix(s, "<") || i < 0 {
			continue
		}
		m[id] = s[:i] + mark + s[i:]
	}
	return m
}

// markStaging marks the document data-staging while sections wait to be
// mounted, and lifts the mark.
func markStaging(on bool) {
	root := js.Global().Get("document").Get("documentElement")
	if root.Type() != js.TypeObject || root.Get("setAttribute").Type() != js.TypeFunction {
		return
	}
	if on {
		root.Call("setAttribute", "data-staging", "")
	} else {
		root.Call("removeAttribute", "data-staging")
	}
}

// heldSection is what the visitor did in a waiting section's copy: the
// folds opened, the fields typed into or chosen, the field being typed in.
type heldSection struct {
	id           string
	open         []int             // indexes of the open <details> in the section
	values       map[string]string // changed fields' values, by element id
	checked      map[string]bool   // changed boxes' states, by element id
	focus        string            // the focused element's id
	start, end   js.Value          // the caret in it
	hasSelection bool
}

// holdSection reads what the visitor did in the copy of the section id,
// before it is replaced: a copy is a working form (folds open, fields take
// text) that nothing listens to. restore gives it to the mounted section.
func holdSection(id string) *heldSection {
	doc := js.Global().Get("document")
	if doc.Type() != js.TypeObject || doc.Get("getElementById").Type() != js.TypeFunction {
		return nil
	}
	el := doc.Call("getElementById", id)
	if el.Type() != js.TypeObject || !el.Call("hasAttribute", "data-premount").Bool() {
		return nil
	}
	h := &heldSection{id: id, values: map[string]string{}, checked: map[string]bool{}}
	folds := sectionFolds(el)
	for i, d := range folds {
		if d.Get("open").Bool() {
			h.open = append(h.open, i)
		}
	}
	fields := el.Call("querySelectorAll", "input[id],select[id],textarea[id]")
	for i, n := 0, fields.Length(); i < n; i++ {
		f := fields.Index(i)
		fid := f.Get("id").String()
		switch {
		case f.Get("tagName").String() == "SELECT":
			if selectChanged(f) {
				h.values[fid] = f.Get("value").String()
			}
		case f.Get("type").String() == "checkbox" || f.Get("type").String() == "radio":
			if c := f.Get("checked").Bool(); c != f.Get("defaultChecked").Bool() {
				h.checked[fid] = c
			}
		case f.Get("type").String() == "file":
		default:
			if v := f.Get("value").String(); v != f.Get("defaultValue").String() {
				h.values[fid] = v
			}
		}
	}
	if a := doc.Get("activeElement"); a.Type() == js.TypeObject && a.Get("id").String() != "" && el.Call("contains", a).Bool() {
		h.focus = a.Get("id").String()
		h.start, h.end = a.Get("selectionStart"), a.Get("selectionEnd")
		h.hasSelection = h.start.Type() == js.TypeNumber && h.end.Type() == js.TypeNumber
	}
	return h
}

// selectChanged reports whether the option chosen in a select is not the
// one it was prerendered with.
func selectChanged(s js.Value) bool {
	opts := s.Get("options")
	def := 0
	for i, n := 0, opts.Length(); i < n; i++ {
		if opts.Index(i).Get("defaultSelected").Bool() {
			def = i
			break
		}
	}
	return s.Get("selectedIndex").Int() != def
}

// sectionFolds is the section's <details>, itself among them.
func sectionFolds(el js.Value) []js.Value {
	var folds []js.Value
	if el.Get("tagName").String() == "DETAILS" {
		folds = append(folds, el)
	}
	all := el.Call("querySelectorAll", "details")
	for i, n := 0, all.Length(); i < n; i++ {
		folds = append(folds, all.Index(i))
	}
	return folds
}

// restore gives the mounted section what the visitor did in its copy: the
// same folds open, and each changed field set and announced by the events
// typing or choosing fires (input, change), so that the page takes it as
// typed; then the caret goes back where it was.
func (h *heldSection) restore() {
	if h == nil {
		return
	}
	doc := js.Global().Get("document")
	el := doc.Call("getElementById", h.id)
	if el.Type() != js.TypeObject || el.Call("hasAttribute", "data-premount").Bool() {
		return
	}
	folds := sectionFolds(el)
	for _, i := range h.open {
		if i < len(folds) {
			folds[i].Set("open", true)
		}
	}
	announce := func(f js.Value) {
		for _, name := range []string{"input", "change"} {
			ev := js.Global().Get("Event").New(name, map[string]any{"bubbles": true})
			f.Call("dispatchEvent", ev)
		}
	}
	for fid, v := range h.values {
		if f := doc.Call("getElementById", fid); f.Type() == js.TypeObject && f.Get("value").String() != v {
			f.Set("value", v)
			announce(f)
		}
	}
	for fid, c := range h.checked {
		if f := doc.Call("getElementById", fid); f.Type() == js.TypeObject && f.Get("checked").Bool() != c {
			f.Set("checked", c)
			announce(f)
		}
	}
	if h.focus == "" {
		return
	}
	if f := doc.Call("getElementById", h.focus); f.Type() == js.TypeObject {
		f.Call("focus")
		if h.hasSelection {
			f.Call("setSelectionRange", h.start, h.end)
		}
	}
}
