//go:build !wasm

// Package site generates LTV Lab's deployable static site (`app build`):
// the pages prerendered by go-app from package ui, go-app's files with the
// project's own manifest and service worker (app-worker.js), the resources
// of web/ under content-hashed names, the 404 page, the oEmbed documents
// of the calculators and their discovery links (package oembed),
// the _headers file of response headers (headers.go, the one table that the
// server, Netlify and Cloudflare Pages read), and Brotli and gzip variants.
//
// It runs natively only, at build time. It imports ui to prerender it, and
// must never be imported by ui or by the browser entry: nothing of it
// belongs in app.wasm. It does not import the server (package serve): the
// two meet only in the generated folder.
package site
