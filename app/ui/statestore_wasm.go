//go:build wasm

package ui

import "syscall/js"

// sessionSet writes a sessionStorage item; it fails where storage is denied
// (web/page.js then gives a stand-in) or full.
func sessionSet(key, text string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	ss := js.Global().Get("sessionStorage")
	if !ss.Truthy() {
		return errNoStorage
	}
	ss.Call("setItem", key, text)
	return nil
}

// sessionGet reads a sessionStorage item; there is none in the worker that
// warms app.wasm up.
func sessionGet(key string) (text string, ok bool) {
	defer func() {
		if recover() != nil {
			text, ok = "", false
		}
	}()
	ss := js.Global().Get("sessionStorage")
	if !ss.Truthy() {
		return "", false
	}
	v := ss.Call("getItem", key)
	if v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

// sessionDelete removes a sessionStorage item.
func sessionDelete(key string) {
	defer func() { recover() }()
	if ss := js.Global().Get("sessionStorage"); ss.Truthy() {
		ss.Call("removeItem", key)
	}
}
