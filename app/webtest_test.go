//go:build !wasm

package main

import "ltvlab/app/internal/webtest"

// The helpers of package webtest that these tests use, under short names.
var (
	chromiumPath        = webtest.ChromiumPath
	siteDir             = webtest.SiteDir
	unavailable         = webtest.Unavailable
	serveSite           = webtest.ServeSite
	newTab              = webtest.NewTab
	waitApp             = webtest.WaitApp
	openHolding         = webtest.OpenHolding
	typeInto            = webtest.TypeInto
	waitText            = webtest.WaitText
	jsStringArray       = webtest.JSStringArray
	text                = webtest.Text
	pollJS              = webtest.PollJS
	readSiteFile        = webtest.ReadSiteFile
	workerPrecache      = webtest.WorkerPrecache
	recordCSPViolations = webtest.RecordCSPViolations
)
