// Package ui is LTV Lab's user interface: the go-app components of the
// calculators, their locale (languages, currencies, number formats), the
// charts, the what-if comparison, saved scenarios and the Share / Embed
// dialog, and the order file page. It runs in the browser, compiled into
// app.wasm (the calculators) and orders.wasm (the order file page; see
// routes.go), and natively to prerender the static pages and in tests.
//
// It imports calc for every figure and computes none itself. It must not
// import the site's generator (package site), the server (package serve),
// net/http or anything else that app.wasm should not carry: app.wasm is the
// browser entry, this package and calc. syscall/js stays behind the
// _wasm.go / _nowasm.go pairs of the browser adapters (storage, downloads,
// files, formatting, the page's DOM), so the package also builds and tests
// natively.
package ui
