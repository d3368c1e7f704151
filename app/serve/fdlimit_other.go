//go:build !unix && !wasm

package serve

// fdLimit: no limit known where there is no getrlimit.
func fdLimit() (uint64, bool) { return 0, false }
