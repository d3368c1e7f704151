package ui

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareDialog is the "Share / Embed" dialog: a link to the current view and
// the iframe snippet that embeds the calculator with the same figures in
// another site. It is rendered only while open, in the browser.
type shareDialog struct {
	Origin  string // scheme and host of the site, e.g. "https://ltv.example"
	Path    string // the calculator's path
	Model   string
	Query   url.Values // the page state
	OnClose app.EventHandler
	Loc     locale
	// OnDownload offers the scenario file, for figures too large for a
	// link; Downloaded says what it did: 0 nothing yet, 1 done, -1 failed.
	OnDownload app.EventHandler
	Downloaded int
}

// link is the full URL of the current view: a plain query, or the state
// packed in the fragment (statelink.go); ok is false when it would be over
// maxShareLink.
func (d shareDialog) link() (string, bool) {
	return stateLink(d.Origin+pageHref(d.Path), d.Query, maxShareLink)
}

// embedURL is the /embed view with the same state; ok as for link.
func (d shareDialog) embedURL() (string, bool) {
	q := url.Values{}
	for k, v := range d.Query {
		q[k] = v
	}
	q.Set("model", d.Model)
	return stateLink(d.Origin+pageHref("/embed"), q, maxShareLink)
}

// snippet is the HTML to paste into a page: the iframe, sandboxed, and a few
// lines that size it from the height messages the embed sends.
func (d shareDialog) snippet() string {
	src, _ := d.embedURL()
	src = escapeHTML(src)
	return `<iframe src="` + src + `" title="` + escapeHTML(d.Loc.tr("LTV calculator")) + `" style="width:100%;max-width:640px;height:720px;border:0" ` +
		`sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" loading="lazy"></iframe>` + "\n" +
		`<script>addEventListener("message",function(e){var d=e.data||{};if(d.type!=="ltvlab:height")return;` +
		`document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})})</script>`
}

func (d shareDialog) render() app.UI {
	l := d.Loc
	link, ok := d.link()
	if _, embedOK := d.embedURL(); !embedOK {
		ok = false
	}
	return app.Dialog().ID("share-dialog").Class("dialog").Aria("labelledby", "share-title").On("close", d.OnClose).Body(
		app.H2().ID("share-title").Text(l.tr("Share or embed this calculator")),
		app.If(ok, func() app.UI {
			return app.Div().Body(
				app.Div().Class("field").Body(
					app.Label().For("share-link").Class("field-label").Text(l.tr("Link to this view, with your figures")),
					app.Input().Type("text").ID("share-link").Class("field-input").ReadOnly(true).Value(link),
					app.Button().Type("button").Class("button button-small").Text(l.tr("Copy link")).
						OnClick(func(ctx app.Context, e app.Event) { copyText(ctx, "share-link") }),
				),
				app.Div().Class("field").Body(
					app.Label().For("share-embed").Class("field-label").Text(l.tr("Embed it in a blog or site")),
					app.Textarea().ID("share-embed").Class("field-input field-area").ReadOnly(true).Rows(5).Text(d.snippet()),
					app.P().Class("field-hint").Text(l.tr("Paste this HTML where the calculator should appear. It runs in a sandboxed frame and grows to fit; WordPress users can also paste the link alone.")),
					app.Button().Type("button").Class("button button-small").Text(l.tr("Copy embed code")).
						OnClick(func(ctx app.Context, e app.Event) { copyText(ctx, "share-embed") }),
				),
			)
		}).Else(func() app.UI {
			// No link of the figures would open everywhere: the file does.
			return app.Div().Class("field").Body(
				app.P().ID("share-too-large").Text(l.tr("Your figures are too large for a link that opens everywhere (a link of them would have {0} characters; browsers and the apps links travel through take about {1}). Share them as a scenario file: it opens under “Your scenarios”, with “Open a scenario file”.",
					l.number(strconv.Itoa(len(d.packedLink()))), l.number(strconv.Itoa(maxShareLink)))),
				app.Button().Type("button").ID("share-download").Class("button button-small").Text(l.tr("Download the scenario file")).OnClick(d.OnDownload),
				app.P().ID("share-status").Class("field-hint").Attr("role", "status").Text(d.downloadStatus()),
			)
		}),
		app.Div().Class("dialog-actions").Body(
			app.Button().Type("button").ID("share-close").Class("button").Text(l.tr("Close")).OnClick(d.OnClose),
		),
	)
}

// packedLink is the link of the current view with its state packed in the
// fragment, however long.
func (d shareDialog) packedLink() string {
	return d.Origin + pageHref(d.Path) + "?" + localeState(d.Query).Encode() + "#" + stateParam + packState(d.Query)
}

// copyText copies the value of a field to the clipboard, or selects it for
// the visitor to copy where the clipboard is not available.
func copyText(ctx app.Context, id string) {
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	if clip := app.Window().Get("navigator").Get("clipboard"); clip.Truthy() {
		clip.Call("writeText", el.Get("value"))
	}
}

// downloadStatus says what the download of the scenario file did.
func (d shareDialog) downloadStatus() string {
	switch d.Downloaded {
	case 1:
		return d.Loc.tr("Downloaded {0}.", scenarioFileName(d.Model))
	case -1:
		return d.Loc.tr("Your browser did not start the download.")
	}
	return ""
}
