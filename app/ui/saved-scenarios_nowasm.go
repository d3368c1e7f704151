//go:build !wasm

package ui

import "sync"

// Natively (prerender, tests) there is no browser storage: a map stands in
// for it, empty at start, so the page renders as for a first visit.

var memStorage = struct {
	sync.Mutex
	items map[string]string
}{items: map[string]string{}}

func storageGet(key string) (text string, ok bool, err error) {
	memStorage.Lock()
	defer memStorage.Unlock()
	text, ok = memStorage.items[key]
	return text, ok, nil
}

func storageSet(key, text string) error {
	memStorage.Lock()
	defer memStorage.Unlock()
	memStorage.items[key] = text
	return nil
}
