package site

import (
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// oEmbed (oembed.com): a blog engine given a link to the site asks the
// discovery document for the HTML that embeds it. The site is static, so
// the document is one file, oembed.json, for the calculator's embed view;
// every page advertises it with <link rel="alternate"
// type="application/json+oembed">. Its URLs are absolute, so the build
// writes it only when it knows the site's public origin (-origin).

// Size of the embed frame the oEmbed document proposes, in CSS pixels. The
// frame then sizes itself from the height messages of web/page.js.
const (
	oembedWidth  = 640
	oembedHeight = 720
)

// ParseOrigin checks a public origin: http or https, a host, nothing else.
// It returns it without a trailing slash, or "" for "".
func ParseOrigin(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("origin %q: give the scheme and host the site is published at, e.g. https://ltv.example", s)
	}
	for _, c := range u.Host {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-.:[]", c)) {
			return "", fmt.Errorf("origin %q: character %q not allowed in the host", s, c)
		}
	}
	return u.Scheme + "://" + u.Host, nil
}

// oembedDoc is the oEmbed response for the calculator (type "rich").
type oembedDoc struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	ThumbnailURL string `json:"thumbnail_url"`
	ThumbWidth   int    `json:"thumbnail_width"`
	ThumbHeight  int    `json:"thumbnail_height"`
}

// oembedJSON is the document for a site at origin under base.
func oembedJSON(origin, base string) ([]byte, error) {
	site := origin + base
	src := site + "embed"
	doc := oembedDoc{
		Version: "1.0", Type: "rich",
		Title:        "LTV Lab: customer lifetime value calculator",
		ProviderName: "LTV Lab", ProviderURL: site,
		HTML: `<iframe src="` + html.EscapeString(src) + `" title="LTV calculator" width="` + fmt.Sprint(oembedWidth) +
			`" height="` + fmt.Sprint(oembedHeight) + `" style="border:0;max-width:100%" ` +
			`sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>`,
		Width: oembedWidth, Height: oembedHeight,
		ThumbnailURL: site + "web/icon-512.png", ThumbWidth: 512, ThumbHeight: 512,
	}
	return json.MarshalIndent(doc, "", "  ")
}

// oembedLink is the discovery <link> for the pages' head; origin and base
// are validated by ParseOrigin and ParseBase, and escaped here as well.
func oembedLink(origin, base string) string {
	href := origin + base + "oembed.json"
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) +
		`" title="LTV Lab: customer lifetime value calculator">`
}

// writeOembed writes oembed.json into the site.
func writeOembed(out, origin, base string) error {
	b, err := oembedJSON(origin, base)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "oembed.json"), b, 0o644)
}
