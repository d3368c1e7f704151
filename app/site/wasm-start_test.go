//go:build !wasm

package site

import (
	"strings"
	"testing"
)

func TestStreamWasmStart(t *testing.T) {
	appJS := "let x;\n\ngoappInitServiceWorker();\ngoappInitWebAssembly();\nasync function goappInitWebAssembly() {\n  fetchWithProgress(\"/web/app.0123456789ab.wasm\", showProgress)\n}\n\n" +
		"function goappCanLoadWebAssembly() {\n  return true;\n}\n\nasync function fetchWithProgress(url, progess) {\n  return fetch(url);\n}\n"
	got, err := streamWasmStart([]byte(appJS), "/web/orders.0123456789ab.wasm", "/web/wasm-compile.0123456789ab.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`window.ltvWasm = ltvOrdersPage(location.pathname) ? "/web/orders.0123456789ab.wasm" : "/web/app.0123456789ab.wasm";`,
		`goappCompileWasm(window.ltvWasm, "/web/wasm-compile.0123456789ab.js")`,
		"function goappCanLoadWebAssembly() {",
		"requestAnimationFrame",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("app.js lacks %q:\n%s", want, got)
		}
	}
	if i, j := strings.Index(string(got), "goappInitServiceWorker();"), strings.Index(string(got), "async function goappInitWebAssembly"); i < j {
		t.Errorf("app.js registers the service worker before the app starts:\n%s", got)
	}
	if strings.Contains(string(got), "fetchWithProgress") {
		t.Errorf("app.js still streams through fetchWithProgress:\n%s", got)
	}
	if _, err := streamWasmStart([]byte("console.log(1)"), "/o.wasm", "/w.js"); err == nil {
		t.Error("streamWasmStart accepted an app.js without go-app's loader")
	}
}
