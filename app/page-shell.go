package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// navItem is one calculator in the site navigation.
type navItem struct {
	Path  string
	Label string
}

// navItems are the calculators, in the order of the navigation.
var navItems = []navItem{
	{"/", "Purchases"},
	{"/subscription", "Subscription"},
	{"/cohort", "Cohort"},
}

// pageShell wraps a page's content in the site's header with its
// navigation (active marks the current path), the main landmark and the
// footer.
func pageShell(active string, content ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		app.A().Href("#main").Class("skip-link").Text("Skip to the calculator"),
		app.Header().Class("site-header").Body(
			app.A().Href(pageHref("/")).Class("brand").Body(
				app.Img().Src("/web/icon.svg").Alt("").Attr("role", "presentation").Width(28).Height(28),
				app.Span().Text("LTV Lab"),
			),
			app.Nav().Class("site-nav").Aria("label", "Calculators").Body(
				app.Range(navItems).Slice(func(i int) app.UI {
					it := navItems[i]
					a := app.A().Href(it.Path).Text(it.Label)
					if it.Path == active {
						a = a.Aria("current", "page").Class("active")
					}
					return a
				}),
			),
		),
		app.Main().ID("main").Class("content").Body(content...),
		app.Footer().Class("site-footer").Body(
			app.P().Text("Runs entirely in your browser: nothing you type leaves this page."),
		),
		&updateNotice{},
	)
}
