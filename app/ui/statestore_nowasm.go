//go:build !wasm

package ui

import "sync"

// Natively a map stands in for the tab's sessionStorage.

var memSession = struct {
	sync.Mutex
	items map[string]string
}{items: map[string]string{}}

func sessionSet(key, text string) error {
	memSession.Lock()
	defer memSession.Unlock()
	memSession.items[key] = text
	return nil
}

func sessionGet(key string) (string, bool) {
	memSession.Lock()
	defer memSession.Unlock()
	text, ok := memSession.items[key]
	return text, ok
}

func sessionDelete(key string) {
	memSession.Lock()
	defer memSession.Unlock()
	delete(memSession.items, key)
}
