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
// # Order histories: BG/NBD and Gamma-Gamma
//
// ReadOrders streams a shop's order export (CSV; columns found by their
// usual names; Shopify's and WooCommerce's layouts; every row left out
// counted with its reason) into 16 bytes an order; Summarize cuts it at a
// calibration end into one record per customer (one customer's orders on
// one day are one purchase occasion, worth their sum): x repeat occasions,
// the last t_x after the first, T from the first to the end, in days, weeks
// or months of 365.25 / 12 days. FitOrderModels fits:
//
// BG/NBD, Fader, Hardie & Lee (2005), "'Counting Your Customers' the Easy
// Way", Marketing Science 24(2), and the note "Implementing the BG/NBD Model
// for Customer Base Analysis in Excel": purchases at rate lambda ~ Gamma(r,
// alpha) while active, dropout with probability p ~ Beta(a, b) after each
// repeat purchase.
//
//	L = B(a, b + x) / B(a, b) Gamma(r + x) alpha^r / Gamma(r)
//	    [(alpha + T)^-(r+x) + 1{x > 0} a / (b + x - 1) (alpha + t_x)^-(r+x)]
//	P(alive) = 1 / (1 + 1{x > 0} a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r+x))
//	E[Y(t) | x, t_x, T] = P(alive) (a + b + x - 1) / (a - 1)
//	    [1 - (1 - z)^(a-1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z)],  z = t / (alpha + T + t)
//
// the last through the Euler transformation of the paper's 2F1(r + x, b +
// x; a + b + x - 1; z) (Fader & Hardie 2013, "Overcoming the BG/NBD Model's
// #NUM! Error Problem"), summed as a series regular at a = 1 and a + b + x =
// 1 until its rest is below 10^-15 (an error beyond two million terms).
// E[X(t)] of a new customer is the same with x = T = 0. The CDNOW sample
// gives r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4, and
// 1.226 purchases in 39 weeks for x = 2, t_x = 30.43, T = 38.86.
//
// Gamma-Gamma, Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value
// Curves for Customer Base Analysis", and Fader & Hardie (2013), "The
// Gamma-Gamma Model of Monetary Value", on the repeat customers:
//
//	L = Gamma(p x + q) / (Gamma(p x) Gamma(q)) gamma^q m_x^(p x - 1) x^(p x) / (gamma + x m_x)^(p x + q)
//	E[M | x, m_x] = p (gamma + x m_x) / (p x + q - 1),  p gamma / (q - 1) for x = 0
//
// (CDNOW: p = 6.25, q = 3.74, gamma = 15.44). Both are fitted by maximum
// likelihood over the logarithms of their parameters with BFGS and a
// backtracking line search from three starts (restarted towards the
// moment-based start when one does not converge), to a gradient below
// 10^-8 per customer, parameters within [10^-8, 10^8]; anything else is
// an error, never a number. The likelihood runs over distinct (x, t_x, T)
// with their counts. The 90 % intervals are exp(ln estimate -/+ 1.645
// standard errors), from the inverse of the negative Hessian of the
// log-likelihood (central differences of the exact gradient).
//
// Value: CLV over a horizon of H periods = sum over steps of the expected
// purchases of the step (E[Y] at its end less at its start) discounted from
// the step's end at the annual rate D, x E[M] x gross margin; steps of one
// period (H / 60 beyond 60 periods). The models' figures enter decimal
// arithmetic rounded to 10 significant digits; money is rounded to the
// cent. The holdout check compares, after the end, the cumulative repeat
// purchases (sum over first-purchase days of customers x E[X]) and the
// purchases by calibration frequency with the actual ones.
//
// # Errors
//
// Bad input is a value, never a panic: every parser returns a *FieldError
// naming the field, joined with errors.Join when several fields are bad.
package calc
