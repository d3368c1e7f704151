//go:build !wasm

package ui

import "sync"

// Natively (the tests' engine) the next frame is now: f runs at once, and
// what it dispatches waits for the engine. The reads of the tables are
// counted by what became of them.

func onNextFrame(f func()) { f() }

var tableReads = struct {
	sync.Mutex
	count map[string]int
}{count: map[string]int{}}

func markTableRead(what string) {
	tableReads.Lock()
	defer tableReads.Unlock()
	tableReads.count[what]++
}
