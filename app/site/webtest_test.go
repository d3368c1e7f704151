//go:build !wasm

package site

import "ltvlab/app/internal/webtest"

// The helpers of package webtest that these tests use, under short names.
var (
	readSiteFile   = webtest.ReadSiteFile
	workerPrecache = webtest.WorkerPrecache
)
