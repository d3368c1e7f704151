package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateNotice quietly says that a new version of the site has been
// installed (the service worker took it over in the background) and offers
// to reload. Until then it is an empty live region, so that screen readers
// announce the notice when it appears.
type updateNotice struct {
	app.Compo

	Loc locale // the page's language

	available bool // a new version is installed and waits for a reload
}

// OnMount catches an update that arrived before the app started.
func (n *updateNotice) OnMount(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

// OnAppUpdate runs when go-app learns that a new version is installed.
func (n *updateNotice) OnAppUpdate(ctx app.Context) {
	n.available = ctx.AppUpdateAvailable()
}

func (n *updateNotice) Render() app.UI {
	return app.Div().ID("update-notice").Class("update-notice").Attr("role", "status").Body(
		app.If(n.available, func() app.UI {
			return app.P().Class("update-notice-text").Body(
				app.Text(n.Loc.tr("A new version of LTV Lab is available.")+" "),
				app.Button().ID("update-reload").Type("button").Class("update-notice-reload").
					Text(n.Loc.tr("Reload")).OnClick(n.reload),
			)
		}),
	)
}

func (n *updateNotice) reload(ctx app.Context, e app.Event) {
	ctx.Reload()
}
