//go:build !wasm

package ui

// prerenderedSections has no prerendered page to read natively: the page is
// rendered whole.
func prerenderedSections([]string) map[string]string { return nil }

// markStaging has no document to mark natively.
func markStaging(bool) {}

// heldSection is what the visitor did in a section's copy: natively there is
// none.
type heldSection struct{}

func holdSection(string) *heldSection { return nil }

func (h *heldSection) restore() {}
