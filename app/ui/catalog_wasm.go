package ui

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// In the browser the translations are fetched from the site, once per
// language (about 10 kB of Brotli each; the service worker keeps them for
// offline use), instead of adding 22 kB of Brotli to app.wasm. The page's
// head script preloads the one the page starts in.

// fetched holds the catalog files fetched, by language.
var fetched = map[string][]byte{}

func catalogFile(lang string) ([]byte, bool) {
	b, ok := fetched[lang]
	return b, ok
}

// loadCatalog fetches a language's translations when they are not loaded
// yet, and calls done once they are, or once the fetch has failed (the
// texts then stay English). It must not be called on the goroutine that
// runs the JavaScript event loop's callbacks and waits for them.
func loadCatalog(lang string, done func()) {
	if _, ok := fetched[lang]; ok || lang == "en" || !knownLanguage(lang) {
		done()
		return
	}
	var onResponse, onText, onFail js.Func
	finish := func(text string, ok bool) {
		onResponse.Release()
		onText.Release()
		onFail.Release()
		if ok {
			fetched[lang] = []byte(text)
			delete(catalogs, lang)
		}
		done()
	}
	onText = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ok := len(args) > 0 && args[0].Type() == js.TypeString
		text := ""
		if ok {
			text = args[0].String()
		}
		finish(text, ok)
		return nil
	})
	onFail = js.FuncOf(func(js.Value, []js.Value) any {
		finish("", false)
		return nil
	})
	onResponse = js.FuncOf(func(_ js.Value, args []js.Value) any {
		if r := args[0]; r.Get("ok").Bool() {
			return r.Call("text")
		}
		return js.Null()
	})
	js.Global().Call("fetch", clientBase()+catalogPath(lang)).Call("then", onResponse).Call("then", onText, onFail)
}

// startLanguage is the language the page starts in: lang= or the
// browser's, as localeFrom decides.
func startLanguage() string {
	q := app.Window().URL().Query()
	return localeFrom(q).Lang
}
