//go:build !wasm

package ui

import "errors"

// Natively there is no browser to download to or print from.

func download(name, mime string, data []byte) error {
	return errors.New("downloads need a browser")
}

func printPage() {}
