package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// pageShell wraps a page's content in the site's header, main landmark and
// footer.
func pageShell(content ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		app.Header().Class("site-header").Body(
			app.A().Href("/").Class("brand").Body(
				app.Img().Src("/web/icon.svg").Alt("").Attr("role", "presentation").Width(28).Height(28),
				app.Span().Text("LTV Lab"),
			),
		),
		app.Main().ID("main").Class("content").Body(content...),
		app.Footer().Class("site-footer").Body(
			app.P().Text("Runs entirely in your browser: nothing you type leaves this page."),
		),
	)
}
