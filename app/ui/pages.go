package ui

import "ltvlab/calc"

// The three calculators. Each "how this is computed" names its formula and
// its source; calc/doc.go has the details.

var purchaseSpec = &pageSpec{
	Path:   "/",
	Model:  calc.ModelPurchase,
	Title:  "Customer lifetime value",
	Lead:   "What is a customer worth, and what may you spend to win one? Enter what they spend per order, how often they buy and how long they stay.",
	Inputs: purchaseInputs,
	Totals: purchaseTotals,
	How: []string{
		"LTV = average order value x purchases per year x years as a customer, times the gross margin when you give one. " +
			"Example: 2 purchases a year x $50 = $100 a year; a customer who stays about 3 years is worth $300.",
		"With an annual churn instead of years, the lifetime is 1 / churn: 25\u00a0% churn means 4 years. " +
			"From totals: order value = revenue / purchases, frequency = purchases / unique customers, lifetime = customer-years / customers.",
		"Net LTV = LTV - CAC. The rule of thumb is an LTV of at least 3 times the CAC. " +
			"Sources: the customer-value articles this calculator grew from (\"14 ways to increase customer lifetime value\" and others).",
	},
	Goals: []goalSpec{
		{ID: "cac3", Label: "What CAC keeps LTV at 3x CAC?", Input: calc.FieldCAC, Key: "cac", Target: "ltv_to_cac", Value: "3", Unit: "$"},
		{ID: "years3", Label: "How long must customers stay for 3x?", Input: calc.FieldLifetimeYears, Key: "years", Target: "ltv_to_cac", Value: "3", Unit: "years"},
	},
}

var subscriptionSpec = &pageSpec{
	Path:   "/subscription",
	Model:  calc.ModelSubscription,
	Title:  "Subscription LTV",
	Lead:   "For SaaS and memberships: what a subscriber is worth from their monthly revenue, margin and churn, and how fast you earn back what you spent to win them.",
	Inputs: subscriptionInputs,
	// $400 to win a $100-a-month subscriber: LTV:CAC 4x, paid back in 5 months.
	CACDefault: "400",
	How: []string{
		"LTV = ARPA x gross margin / monthly churn: $100 a month at 80\u00a0% margin and 5\u00a0% churn is $1,600. " +
			"Expected lifetime = 1 / churn (20 months). With expansion g the divisor is churn - g, defined only while churn is above expansion; otherwise give a horizon or a discount rate.",
		"With a discount rate d and retention r = 1 - churn, Fader & Hardie (2012), \"Reconciling and Clarifying CLV Formulas\", give three conventions: " +
			"first payment at signup included m(1 + d)/(1 + d - r) (the default here), first payment excluded m r/(1 + d - r), and every payment at the end of its month m/(1 + d - r).",
		"CAC payback = CAC / (ARPA x gross margin), in months; a common rule is under 12 months, and LTV at least 3x CAC (D. Skok, \"SaaS Metrics 2.0\"). " +
			"The cohort payback is the month in which a customer's cumulative margin, with churn, passes the CAC.",
	},
	Goals: []goalSpec{
		{ID: "churn3", Label: "What churn gives 3x?", Input: calc.FieldMonthlyChurnPct, Key: "mchurn", Target: "ltv_to_cac", Value: "3", Unit: "%"},
		{ID: "cac12", Label: "What CAC keeps payback under 12 months?", Input: calc.FieldCAC, Key: "cac", Target: "payback_months", Value: "12", Unit: "$"},
		{ID: "cac3", Label: "What CAC keeps 3x?", Input: calc.FieldCAC, Key: "cac", Target: "ltv_to_cac", Value: "3", Unit: "$"},
	},
}

var cohortSpec = &pageSpec{
	Path:   "/cohort",
	Model:  calc.ModelCohort,
	Title:  "Cohort retention and LTV",
	Lead:   "Paste how many customers are still active period after period. The shifted-beta-geometric model fits the curve, projects it, and values a customer without assuming everyone churns alike.",
	Inputs: cohortInputs,
	How: []string{
		"The shifted-beta-geometric (sBG) model of Fader & Hardie (2007), \"How to Project Customer Retention\": each customer has a constant churn probability, " +
			"and churn probabilities vary across customers as a beta(a, b) distribution. a and b are fitted by maximum likelihood to your survival data.",
		"Survival S(t) = product of the retention rates r_i = (b + i - 1) / (a + b + i - 1). LTV = margin x DEL, the discounted expected lifetime " +
			"sum of S(t) / (1 + d)^t; the residual LTV of a customer who has renewed n - 1 times uses DERL (Fader & Hardie 2010, Marketing Science 29(1)).",
		"The naive LTV assumes one constant retention rate for everybody. It undervalues the customer base, because the customers who stay are the loyal ones: both are shown side by side.",
	},
	Goals: []goalSpec{
		{ID: "cac3", Label: "What CAC keeps LTV at 3x CAC?", Input: calc.FieldCAC, Key: "cac", Target: "ltv_to_cac", Value: "3", Unit: "$"},
	},
}
