//go:build !wasm

package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// newHandler is the go-app handler that prerenders the pages and writes
// go-app's files. resources maps /web/ paths to their content-hashed names.
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
		BackgroundColor:   "#ffffff",
		ThemeColor:        "#0b5cad",
		LoadingLabel:      "Loading {progress}%",
		Styles:            []string{"/web/ltv.css"},
		Scripts:           []string{"/web/page.js defer"},
		Version:           version,
		Resources:         resources,
		WasmContentLength: strconv.FormatInt(wasmSize, 10),
	}
}
