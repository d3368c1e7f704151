package ui

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
	{"/transactions", "Your orders"},
}

// shellState is what the site's frame shows around a page.
type shellState struct {
	Active string      // the current page's path
	Loc    locale      // language and currency
	Query  string      // lang= and cur=, carried by the navigation links
	Menus  localeMenus // takes the changes of the language and currency menus
}

// localeMenus takes the changes of the language and currency menus: the
// page. An interface, not a func field, so that go-app sees that the header
// is unchanged (two funcs never compare equal).
type localeMenus interface {
	onLocale(ctx app.Context, e app.Event)
}

// pageShell wraps a page's content in the site's header with its
// navigation and its language and currency menus, the main landmark and the
// footer.
func pageShell(st shellState, content ...app.UI) app.UI {
	l := st.Loc
	return app.Div().Class("shell").Body(
		app.A().Href("#main").Class("skip-link").Text(l.tr("Skip to the calculator")),
		&siteHeader{State: st},
		app.Main().ID("main").Class("content").Body(content...),
		app.Footer().Class("site-footer").Body(
			app.P().Text(l.tr("Runs entirely in your browser: nothing you type leaves this page.")),
		),
		&updateNotice{Loc: l},
	)
}

// siteHeader is the site's header: the navigation and the language and
// currency menus. A component of its own, so that go-app leaves it be while
// the visitor types: it changes only with the page or the locale.
type siteHeader struct {
	app.Compo

	State shellState
}

func (h *siteHeader) onLocale(ctx app.Context, e app.Event) { h.State.Menus.onLocale(ctx, e) }

func (h *siteHeader) Render() app.UI {
	st, l := h.State, h.State.Loc
	return app.Header().Class("site-header").Body(
		app.A().Href(pageHref("/?"+st.Query)).Class("brand").Body(
			app.Img().Src("/web/icon.svg").Alt("").Attr("role", "presentation").Width(28).Height(28),
			app.Span().Text("LTV Lab"),
		),
		app.Nav().Class("site-nav").Aria("label", l.tr("Calculators")).Body(
			app.Range(navItems).Slice(func(i int) app.UI {
				it := navItems[i]
				a := app.A().Href(pageHref(it.Path + "?" + st.Query)).Text(l.tr(it.Label))
				if it.Path == st.Active {
					a = a.Aria("current", "page").Class("active")
				}
				return a
			}),
		),
		app.Div().Class("locale-menus").Body(
			app.Label().For("lang").Class("visually-hidden").Text(l.tr("Language")),
			app.Select().ID("lang").Name("lang").Class("locale-select").OnChange(h.onLocale).Body(
				app.Range(languages).Slice(func(i int) app.UI {
					lg := languages[i]
					o := app.Option().Value(lg.Code).Lang(lg.Tag).Text(lg.Name)
					if lg.Code == l.Lang {
						o = o.Selected(true)
					}
					return o
				}),
			),
			app.Label().For("cur").Class("visually-hidden").Text(l.tr("Currency")),
			app.Select().ID("cur").Name("cur").Class("locale-select").OnChange(h.onLocale).Body(
				app.Range(currencies).Slice(func(i int) app.UI {
					c := currencies[i]
					o := app.Option().Value(c).Text(c)
					if c == l.Currency {
						o = o.Selected(true)
					}
					return o
				}),
			),
		),
	)
}
