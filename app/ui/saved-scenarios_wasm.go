//go:build wasm

package ui

import (
	"errors"
	"syscall/js"
)

// errNoStorage: the browser gives the page no localStorage.
var errNoStorage = errors.New("localStorage is not available")

// storageGet reads a localStorage item; ok is false when it is not set.
// Reading throws where the browser denies storage (web/page.js then puts
// in a storage that lasts as long as the page): the error says so.
func storageGet(key string) (text string, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, ok, err = "", false, jsError(r)
		}
	}()
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return "", false, errNoStorage
	}
	v := ls.Call("getItem", key)
	if v.Type() != js.TypeString {
		return "", false, nil
	}
	return v.String(), true, nil
}

// storageSet writes a localStorage item. It fails when storage is denied
// or full (QuotaExceededError).
func storageSet(key, text string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = jsError(r)
		}
	}()
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return errNoStorage
	}
	ls.Call("setItem", key, text)
	return nil
}

// jsError turns what a throwing JavaScript call panics with into an error.
func jsError(r any) error {
	if err, ok := r.(error); ok {
		return err
	}
	return errors.New("JavaScript exception")
}
