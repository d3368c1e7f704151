//go:build !wasm

package site

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ParseBase validates the path a site is served under and returns it with a
// leading and a trailing slash: "", "/" and "/" give "/"; "ltv", "/ltv" and
// "/ltv/" give "/ltv/". It accepts only unreserved URL characters in
// segments (letters, digits, "-", ".", "_", "~"), never "." or "..", so the
// result can be written into HTML attributes, JavaScript and _headers as it
// is.
func ParseBase(s string) (string, error) {
	trimmed := strings.Trim(s, "/")
	if trimmed == "" {
		return "/", nil
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("base path %q: empty, . or .. segment", s)
		}
		for _, c := range seg {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-._~", c)) {
				return "", fmt.Errorf("base path %q: character %q not allowed (letters, digits, - . _ ~ only)", s, c)
			}
		}
	}
	return "/" + trimmed + "/", nil
}

// siteResources resolves the local URLs of the prerendered pages and of
// go-app's files for a site served under base: /web/ files to their
// content-hashed names, then every absolute path prefixed with base through
// go-app's PrefixedLocation ("/app.js" becomes "/ltv/app.js"). The root "/"
// resolves to base itself, with its trailing slash, because that is the URL
// that static hosts serve without a redirect and that lies inside the
// service worker's scope.
//
// Resolve is idempotent: a path already under base is left as it is, so a
// href built with pageHref is not prefixed twice. Relative references
// ("#main", "?aov=1"), other schemes and remote URLs are left as they are.
type siteResources struct {
	base   string // as returned by ParseBase
	hashed hashedResources
}

func (r siteResources) Resolve(location string) string {
	prefix := strings.TrimSuffix(r.base, "/")
	switch {
	case location == "" || location == "/" || location == prefix:
		return r.base
	case !strings.HasPrefix(location, "/") && !strings.HasPrefix(location, "web/"),
		strings.HasPrefix(location, "//"):
		return location
	case prefix != "" && strings.HasPrefix(location, r.base):
		return location
	}
	location = r.hashed.Resolve(location)
	if prefix == "" {
		return location
	}
	return app.PrefixedLocation(prefix).Resolve(location)
}
