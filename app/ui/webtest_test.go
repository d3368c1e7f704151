//go:build !wasm

package ui

import "ltvlab/app/internal/webtest"

// The helpers of package webtest that these tests use, under short names.
var (
	chromiumPath        = webtest.ChromiumPath
	unavailable         = webtest.Unavailable
	serveSite           = webtest.ServeSite
	newTab              = webtest.NewTab
	newTabFor           = webtest.NewTabFor
	waitApp             = webtest.WaitApp
	openHolding         = webtest.OpenHolding
	typeInto            = webtest.TypeInto
	pasteInto           = webtest.PasteInto
	chooseOption        = webtest.ChooseOption
	waitText            = webtest.WaitText
	waitValue           = webtest.WaitValue
	jsString            = webtest.JSString
	waitURL             = webtest.WaitURL
	text                = webtest.Text
	waitContains        = webtest.WaitContains
	checkMarkup         = webtest.CheckMarkup
	clipText            = webtest.ClipText
	checkScriptSrc      = webtest.CheckScriptSrc
	recordCSPViolations = webtest.RecordCSPViolations
)
