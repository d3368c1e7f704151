//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"regexp"
)

// stylesheetLink matches a stylesheet link as go-app writes it, after
// canonicalHTML has sorted its attributes.
var stylesheetLink = regexp.MustCompile(`<link href="([^"]+)" rel="stylesheet" type="text/css">`)

// inlineStyles replaces every stylesheet link of a page with a <style>
// element holding the stylesheet, read by styles from the link's URL: a
// page then paints without waiting for another request. The CSP allows
// inline styles ('unsafe-inline' in style-src, which go-app needs for its
// style attributes anyway). It fails on a link it cannot resolve, and on a
// stylesheet that could end the element early.
func inlineStyles(page []byte, styles func(url string) ([]byte, bool)) ([]byte, error) {
	var err error
	out := stylesheetLink.ReplaceAllFunc(page, func(link []byte) []byte {
		url := string(stylesheetLink.FindSubmatch(link)[1])
		css, ok := styles(url)
		switch {
		case !ok:
			err = fmt.Errorf("stylesheet %s: not in the site", url)
			return link
		case bytes.Contains(bytes.ToLower(css), []byte("</style")):
			err = fmt.Errorf("stylesheet %s contains </style", url)
			return link
		}
		return append(append([]byte("<style>"), bytes.TrimSpace(css)...), "</style>"...)
	})
	return out, err
}
