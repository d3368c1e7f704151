package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// RegisterRoutes declares every page of the app. It runs in the browser and
// natively (for prerendering), so both agree on what each URL shows.
func RegisterRoutes() {
	app.Route("/", func() app.Composer { return newCalcPage(purchaseSpec) })
	app.Route("/subscription", func() app.Composer { return newCalcPage(subscriptionSpec) })
	app.Route("/cohort", func() app.Composer { return newCalcPage(cohortSpec) })
	app.Route("/transactions", func() app.Composer { return newTransactionsPage() })
	app.Route("/embed", func() app.Composer { return newEmbedPage() })
	app.Route("/embed/subscription", func() app.Composer { return newEmbedPageFor(subscriptionSpec) })
	app.Route("/embed/cohort", func() app.Composer { return newEmbedPageFor(cohortSpec) })
}
