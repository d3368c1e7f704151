//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"image"
	_ "image/png" // icon sizes
	"regexp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/app/site/headscript"
)

// webManifest is the web app manifest. go-app writes one with scope "/" and
// the start URL unprefixed, which puts the start URL outside the service
// worker's scope on a site served under a base path: the build replaces it
// with this one.
type webManifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

// manifestJSON returns the manifest of a site served under base, with the
// handler's names and colours and its local icons, whose sizes it checks
// in web (the resources, by slash path relative to web/): the PNG icons
// must be square, Default 192 px, Large and Maskable 512 px.
func manifestJSON(h *app.Handler, base string, web map[string][]byte) ([]byte, error) {
	m := webManifest{
		ID:              base,
		Name:            h.Name,
		ShortName:       h.ShortName,
		Description:     h.Description,
		Lang:            h.Lang,
		StartURL:        base,
		Scope:           base,
		Display:         "standalone",
		BackgroundColor: h.BackgroundColor,
		ThemeColor:      h.ThemeColor,
	}
	for _, icon := range []struct {
		path    string
		size    int
		purpose string
	}{
		{h.Icon.Default, 192, "any"},
		{h.Icon.Large, 512, "any"},
		{h.Icon.Maskable, 512, "maskable"},
	} {
		name := strings.TrimPrefix(icon.path, "/web/")
		cfg, format, err := image.DecodeConfig(bytes.NewReader(web[name]))
		if err != nil || format != "png" {
			return nil, fmt.Errorf("icon %s: not a PNG image in the resource directory (%v)", icon.path, err)
		}
		if cfg.Width != icon.size || cfg.Height != icon.size {
			return nil, fmt.Errorf("icon %s is %dx%d, want %dx%d", icon.path, cfg.Width, cfg.Height, icon.size, icon.size)
		}
		m.Icons = append(m.Icons, manifestIcon{
			Src:     h.Resources.Resolve(icon.path),
			Sizes:   fmt.Sprintf("%dx%d", icon.size, icon.size),
			Type:    "image/png",
			Purpose: icon.purpose,
		})
	}
	if _, ok := web[strings.TrimPrefix(h.Icon.SVG, "/web/")]; !ok {
		return nil, fmt.Errorf("icon %s: not in the resource directory", h.Icon.SVG)
	}
	m.Icons = append(m.Icons, manifestIcon{Src: h.Resources.Resolve(h.Icon.SVG), Sizes: "any", Type: "image/svg+xml", Purpose: "any"})
	return json.MarshalIndent(m, "", "  ")
}

// notFoundPage is the site's 404 page: a static file, so that static hosts
// (GitHub Pages, Netlify, Cloudflare Pages) and serve answer unknown URLs
// with it. Its URLs are absolute, as it is served at any depth. It says
// what happened in the four languages of the site, and shows the one of
// the visitor's browser: the head script (package headscript) marks the
// document with it, and the stylesheet shows that language's block.
var notFoundPage = template.Must(template.New("404").Parse(`<!doctype html>
<html lang="en" data-page="404">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Page not found · LTV Lab</title>
<link rel="icon" href="{{.Icon}}">
<link rel="stylesheet" href="{{.Styles}}">
<script>{{.Script}}</script>
</head>
<body>
<div class="shell">
<header class="site-header">
<a class="brand" href="{{.Home}}"><img src="{{.Icon}}" alt="" width="28" height="28"><span>LTV Lab</span></a>
</header>
<main id="main" class="content not-found">
<div lang="en">
<h1>Page not found</h1>
<p class="lead">There is no page at this address. The link may be mistyped, or the page may have moved.</p>
<p><a class="not-found-home" href="{{.Home}}">Go to the LTV calculator</a></p>
</div>
<div lang="fr">
<h1>Page introuvable</h1>
<p class="lead">Il n'y a pas de page à cette adresse. Le lien est peut-être mal saisi, ou la page a été déplacée.</p>
<p><a class="not-found-home" href="{{.Home}}?lang=fr">Aller au calculateur de LTV</a></p>
</div>
<div lang="ro">
<h1>Pagina nu a fost găsită</h1>
<p class="lead">Nu există nicio pagină la această adresă. Linkul poate fi greșit sau pagina a fost mutată.</p>
<p><a class="not-found-home" href="{{.Home}}?lang=ro">Mergi la calculatorul LTV</a></p>
</div>
<div lang="th">
<h1>ไม่พบหน้านี้</h1>
<p class="lead">ไม่มีหน้าที่ที่อยู่นี้ ลิงก์อาจพิมพ์ผิด หรือหน้านี้อาจถูกย้ายไปแล้ว</p>
<p><a class="not-found-home" href="{{.Home}}?lang=th">ไปที่เครื่องคำนวณ LTV</a></p>
</div>
</main>
</div>
</body>
</html>
`))

// notFoundHTML renders the 404 page with URLs resolved by res.
func notFoundHTML(res app.ResourceResolver) ([]byte, error) {
	var b bytes.Buffer
	err := notFoundPage.Execute(&b, struct {
		Home, Icon, Styles string
		Script             template.JS
	}{
		Home:   res.Resolve("/"),
		Icon:   res.Resolve("/web/icon.svg"),
		Styles: res.Resolve("/web/ltv.css"),
		Script: template.JS(headscript.Script),
	})
	return b.Bytes(), err
}

// startTag matches an HTML start tag as go-app writes it: attributes
// separated by one space, values quoted with strconv.Quote.
var (
	startTag     = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9-]*((?: [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="(?:[^"\\]|\\.)*")?)+)>`)
	tagAttribute = regexp.MustCompile(` [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="(?:[^"\\]|\\.)*")?`)
)

// canonicalHTML sorts the attributes of every start tag by name. go-app
// writes them in map order, different on every run: sorted, the same
// content makes the same bytes, and so the same version.
func canonicalHTML(page []byte) []byte {
	return startTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		sub := startTag.FindSubmatchIndex(tag)
		attrs := tagAttribute.FindAll(tag[sub[2]:sub[3]], -1)
		sort.Slice(attrs, func(i, j int) bool { return attrName(attrs[i]) < attrName(attrs[j]) })
		out := append([]byte(nil), tag[:sub[2]]...)
		out = append(out, bytes.Join(attrs, nil)...)
		return append(out, tag[sub[3]:]...)
	})
}

func attrName(attr []byte) string {
	name, _, _ := strings.Cut(string(attr[1:]), "=")
	return name
}
