package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The site runs two builds of app.wasm, chosen by the page's path
// (app/site/wasm-start.go): the calculators' (app.wasm), which most
// visitors load, often on a phone, and the order file page's (orders.wasm,
// built with the tag "orders"), which carries the BG/NBD and Gamma-Gamma
// models, the order reader and the order worker. Each registers only its
// own pages (entry_calc_wasm.go, entry_orders_wasm.go), so the linker
// leaves the other's code out; a link between them loads the page.

// OrdersPath is the path of the order file page, the one page that runs
// orders.wasm.
const OrdersPath = "/transactions"

// RegisterRoutes declares every page of the site, for prerendering.
func RegisterRoutes() {
	registerCalcRoutes()
	registerOrderRoutes()
}

// registerCalcRoutes declares the calculators and their embeds.
func registerCalcRoutes() {
	app.Route("/", func() app.Composer { return newCalcPage(purchaseSpec) })
	app.Route("/subscription", func() app.Composer { return newCalcPage(subscriptionSpec) })
	app.Route("/cohort", func() app.Composer { return newCalcPage(cohortSpec) })
	app.Route("/embed", func() app.Composer { return newEmbedPage() })
	app.Route("/embed/subscription", func() app.Composer { return newEmbedPageFor(subscriptionSpec) })
	app.Route("/embed/cohort", func() app.Composer { return newEmbedPageFor(cohortSpec) })
}

// registerOrderRoutes declares the order file page.
func registerOrderRoutes() {
	app.Route(OrdersPath, func() app.Composer { return newTransactionsPage() })
}
