//go:build !wasm

package site

import (
	_ "embed"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/app/site/headscript"
)

// appWorkerTemplate is the service worker, go-app's ServiceWorkerTemplate:
// it installs only with a complete precache, answers every page with any
// query string offline, and keeps one cache per version.
//
//go:embed app-worker.js
var appWorkerTemplate string

// newHandler is the go-app handler that prerenders the pages and writes
// go-app's files. resources resolves local URLs: /web/ paths to their
// content-hashed names, and every path under the site's base path.
func newHandler(version string, resources app.ResourceResolver, wasmSize int64) *app.Handler {
	return &app.Handler{
		Name:        "LTV Lab",
		ShortName:   "LTV Lab",
		Title:       "LTV Lab: customer lifetime value calculator",
		Description: "Work out what a customer is worth, what you can spend to win one, and what changes if churn drops or prices rise. Runs in your browser.",
		Author:      "LTV Lab",
		Lang:        "en",
		Keywords:    []string{"LTV", "CLV", "customer lifetime value", "CAC", "churn", "calculator"},
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#0b5cad",
		LoadingLabel:    "Loading {progress}%",
		Styles:          []string{"/web/ltv.css"},
		Scripts:         []string{"/web/page.js defer"},
		// The favicon and the header's logo, and the order file page's
		// build (routes.go in app/ui), for offline use; go-app precaches
		// the PNG icons and app.wasm by itself.
		CacheableResources:    []string{"/web/icon.svg", "/web/" + wasmCompileWorker, "/web/" + ordersWasm},
		ServiceWorkerTemplate: appWorkerTemplate,
		// Before anything paints: a link's figures or language are not the
		// prerendered page's (headscript.Script).
		RawHeaders:        []string{"<script>" + headscript.Script + "</script>"},
		Version:           version,
		Resources:         resources,
		WasmContentLength: strconv.FormatInt(wasmSize, 10),
	}
}
