//go:build !wasm

package ui

import "embed"

// Natively (prerender, tests, the site's build) the translations are the
// files of i18n/, embedded.

//go:embed i18n/*.json
var catalogFiles embed.FS

func catalogFile(lang string) ([]byte, bool) {
	b, err := catalogFiles.ReadFile("i18n/" + lang + ".json")
	return b, err == nil
}

// Catalogs returns the translation files the site serves, by their path
// below its base path ("i18n/fr.json"): the browser fetches them rather
// than carrying them in app.wasm.
func Catalogs() map[string][]byte {
	out := map[string][]byte{}
	for _, lg := range languages[1:] {
		if b, ok := catalogFile(lg.Code); ok {
			out[catalogPath(lg.Code)] = b
		}
	}
	return out
}

// loadCatalog: natively every catalog is at hand.
func loadCatalog(lang string, done func()) { done() }
