// Package calc is the domain of LTV Lab: the customer lifetime value models,
// the customer acquisition cost, unit economics and what-if tools, their
// inputs and validation, in exact decimal arithmetic
// (github.com/shopspring/decimal). It imports nothing but the standard library
// and decimal, so it runs the same natively and in the browser (WebAssembly).
//
// A Scenario (the JSON document described in SCENARIO.md) names a model and
// its inputs as typed; Scenario.Evaluate returns a Result of decimal strings
// rounded for display. Scenario.WhatIf, Scenario.Sensitivity and
// Scenario.GoalSeek vary it; Scenario.Run does all that the scenario asks.
//
// # Arithmetic
//
// Inputs are exact decimals. Every division keeps 28 significant digits,
// every product inside a power 34; results are rounded only in Result (money
// to the cent, half away from zero). The monthly rate of an annual discount
// rate D is d = (1 + D)^(1/12) - 1, to 30 decimal places. The sBG model
// alone works in float64 (see below).
//
// # Purchase model
//
//	LTV = average order value x purchases per year x lifetime in years x gross margin
//
// Source: the seed articles (shared/seeds 000 in French, 003 in Thai):
// 2 purchases a year x $50 = $100 a year; customers leave after about 3 years,
// so LTV = $300. Seed 001 names the same product "average transaction size x
// number of transactions x retention period". The lifetime may be given as an
// annual churn c: lifetime = 1 / c. Seed 004 derives the inputs from a year's
// totals: AOV = total revenue / total purchases, frequency = total purchases /
// unique customers; lifetime = total customer-years / customers. Without a
// gross margin the LTV is revenue (margin 100 %).
//
// # Subscription model
//
// With margin m = ARPA x gross margin per month, retention r = 1 - churn,
// expansion g (monthly revenue growth of the customers who stay) and a
// monthly discount rate d, the expected margin of month t+1 is
// m (r (1 + g))^t, and the three cash-timing conventions of Fader & Hardie
// (2012), "Reconciling and Clarifying CLV Formulas" (brucehardie.com note
// 024), give:
//
//	start (the default): first payment at t = 0 included   m (1 + d) / (1 + d - r(1+g))
//	after_first:         first payment excluded             m r(1+g) / (1 + d - r(1+g))
//	end:                 first payment booked at period end m / (1 + d - r(1+g))
//
// so start = after_first + m and end = start / (1 + d). With d = g = 0 this
// is the SaaS formula LTV = ARPA x gross margin / churn (D. Skok, "SaaS
// Metrics 2.0"): ARPA $100 a month, churn 5 %, margin 80 % gives $1,600.
// Expansion applies to the customers who stay, so with d = 0 the start value
// is m / (c - g + c g), a little below the SaaS formula ARPA x GM / (c - g),
// which ignores that churned customers do not expand. The sum is finite only
// while r (1 + g) < 1 + d, and calc also asks, like that formula, for churn
// above expansion when there is no discount; otherwise a horizon of H
// months is required, and the LTV is the value of the first H months of
// service: m (1 - q^H) / (1 - q) with q = r (1 + g) / (1 + d) under start,
// the same identities holding. Calc never returns an infinite LTV.
//
// Annual prepaid billing makes the period a year: margin 12 x ARPA x
// (1 - annual billing discount) x gross margin, paid up front, retention
// 1 - annual churn (by default the monthly churn compounded:
// 1 - (1 - c)^12), expansion (1 + g)^12 - 1, discount rate D.
//
// # Cohort model: the shifted-beta-geometric (sBG)
//
// Fader & Hardie (2007), "How to Project Customer Retention", Journal of
// Interactive Marketing 21(1): each customer renews with a constant
// probability 1 - θ, θ beta-distributed with parameters a, b across customers.
//
//	P(T = 1) = a / (a + b), P(T = t) = P(T = t - 1) (b + t - 2) / (a + b + t - 1)
//	r_t = (b + t - 1) / (a + b + t - 1), S(t) = r_1 r_2 ... r_t
//	LL(a, b) = sum_t n_t ln P(T = t) + (N - sum_t n_t) ln S(k)
//
// a and b are fitted by maximum likelihood from a survival curve (percent of
// N customers, or counts) or from several cohorts of different ages, each
// censored at its own age, with a and b within [10^-6, 10^6]. The search
// works on (ln a, ln b): the best two of a grid of 25 starting points, a
// loose Nelder-Mead from each, then Newton's method with the exact gradient
// and Hessian from the better one until the gradient is below 10^-9 per
// customer (a tight Nelder-Mead instead, should Newton stall on a bound or
// a ridge). The regular
// segment of the paper, years 1-7, gives a = 0.704, b = 1.182,
// LL = -1680.27; the high-end segment a = 0.668, b = 3.806, LL = -1611.2.
//
// Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting:
// The Perils of Ignoring Heterogeneity", Marketing Science 29(1), with a
// discount rate d per period and margin m per period paid at its start:
//
//	E(T) = (a + b - 1) / (a - 1) for a > 1, infinite otherwise
//	DEL(d) = sum_{t>=0} S(t) / (1 + d)^t = 2F1(1, b; a + b; 1/(1 + d)),  LTV = m x DEL
//	DERL(d | n - 1 renewals) = sum_{t>=n} S(t) / S(n - 1) / (1 + d)^(t - n)
//	                         = (b + n - 1)/(a + b + n - 1) 2F1(1, b + n; a + b + n; 1/(1 + d))
//	residual LTV = m x DERL
//
// The hypergeometric series is summed directly, term by term, until the
// rest, bounded by the last term times z / (1 - z) with z = 1 / (1 + d) (or,
// for a > 1, by the exact undiscounted rest), is below 10^-15 of the sum (at
// most a million terms; else Evaluate asks for a horizon), or over the
// horizon.
// With d = 0 it is Gauss's closed form, finite only for a > 1; with d = 0,
// a <= 1 and no horizon the value is infinite and Evaluate asks for a horizon
// or a discount rate. Beside it the naive value that ignores heterogeneity:
// one constant retention, the maximum-likelihood retention of a geometric
// model on the same data (1 - lost / customer-periods at risk), or b / (a + b)
// for given a and b, valued by the start convention above.
//
// The sBG model works in float64: the likelihood needs logarithms and the fit
// an iterative optimizer. a, b, the log-likelihood, E(T), DEL and DERL enter
// decimal arithmetic rounded to 10 significant digits, and money is then
// computed in decimal; survival and retention percentages are rounded to
// 2 places. No NaN or infinity reaches a Result.
//
// # Customer acquisition cost and unit economics
//
// CAC is given, or built from its parts (seed 002: marketing spend, the
// hourly rate x every hour spent with a client, billable or not, and other
// overhead of bringing a client in):
//
//	CAC = (marketing + sales + tools + overhead) / new customers + hours per new customer x hourly rate
//
// Then net LTV = LTV - CAC; LTV:CAC is judged against LTV >= 3 x CAC (seed
// 002 and Skok); payback months = CAC / (monthly ARPA x gross margin), judged
// against 12 months (Skok). The cohort payback month is the month in which a
// customer's cumulative margin, with churn and the model's discounting, first
// reaches the CAC ("never" when it does not): for the subscription model the
// month of the payment that reaches it, for the cohort model the first month
// of the period that does, for the purchase model, where a customer stays the
// whole lifetime and spends evenly, ceil(CAC / monthly margin) within
// 12 x lifetime months.
//
// # What-ifs
//
// A what-if is a baseline plus Changes: churn in points, price in percent
// with a purchase-frequency elasticity (seed 001: a price rise lifts the
// average transaction but may lower purchase frequency; frequency x
// (1 + elasticity x change), costs per order unchanged so the margin becomes
// (margin + p) / (1 + p)), annual billing (seed 004), margin in points, CAC in
// percent, or any input set to a new value. Sensitivity varies every input
// by +/-10 % (or another percentage) and ranks them by the swing of one
// figure: tornado data. Goal seek finds the value of one input that reaches
// a target (LTV:CAC = 3, payback = 12 months, a given LTV), stepping outward
// from the current value and bisecting, or reports it unreachable.
//
// # Errors
//
// Bad input is a value, never a panic: every parser returns a *FieldError
// naming the field, joined with errors.Join when several fields are bad.
package calc
