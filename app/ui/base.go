package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// siteBase is the path the site is served under, "/" or e.g. "/ltv/" for a
// GitHub Pages project site. The build sets it natively before prerendering
// (SetBase); in the browser pageHref reads the same value from go-app's
// environment.
var siteBase = "/"

// SetBase sets the path the pages are prerendered for, as parsed by the
// site's generator ("/" or "/ltv/"), and returns the one set before.
func SetBase(base string) (prev string) {
	prev, siteBase = siteBase, base
	return prev
}

// pageHref returns the URL of an app page, with its query or fragment if
// any, for the site's base path: pageHref("/") is "/" on a site served at
// the root and "/ltv/" on one served under /ltv/; pageHref("/cohort?x=1") is
// "/ltv/cohort?x=1". Use it for every link to a page of the app: go-app
// prefixes /web/ resources by itself but leaves page links alone in the
// browser. Anything that is not an absolute path (a relative reference such
// as "#main", a remote URL, "//host/...") is returned unchanged.
func pageHref(path string) string {
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
		return path
	}
	base := siteBase
	if app.IsClient {
		base = clientBase()
	}
	return strings.TrimSuffix(base, "/") + path
}

// clientBaseValue is the base path in the browser, read once: each read of
// go-app's environment is a call into JavaScript, and a render builds
// dozens of links.
var clientBaseValue string

// clientBase is the base path in the browser: the handler sets
// GOAPP_ROOT_PREFIX to what "/" resolves to, "/" or "/ltv/".
func clientBase() string {
	if clientBaseValue == "" {
		clientBaseValue = app.Getenv("GOAPP_ROOT_PREFIX")
	}
	return clientBaseValue
}
