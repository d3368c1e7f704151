//go:build !wasm

package ui

// setNodeText: natively there is no page to write into.
func setNodeText(id string, part int, text string) {}

// flushURLOnHide: natively no page is ever hidden.
func (p *calcPage) flushURLOnHide() func() { return nil }

// setFieldValues: natively there is no page.
func setFieldValues(texts map[string]string) {}
