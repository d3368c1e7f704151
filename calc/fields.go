package calc

import (
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Field names of the scenario JSON, shared by FieldError.Field, the URL state
// and the eval command. The purchase model's first three are in purchase.go.
const (
	FieldModel = "model"

	FieldAnnualChurnPct     = "annual_churn_pct"
	FieldGrossMarginPct     = "gross_margin_pct"
	FieldTotalRevenue       = "total_revenue"
	FieldTotalPurchases     = "total_purchases"
	FieldUniqueCustomers    = "unique_customers"
	FieldTotalCustomerYears = "total_customer_years"

	FieldARPAMonthly              = "arpa_monthly"
	FieldMonthlyChurnPct          = "monthly_churn_pct"
	FieldMonthlyExpansionPct      = "monthly_expansion_pct"
	FieldDiscountRateAnnualPct    = "discount_rate_annual_pct"
	FieldCashTiming               = "cash_timing"
	FieldHorizonMonths            = "horizon_months"
	FieldBilling                  = "billing"
	FieldAnnualBillingDiscountPct = "annual_billing_discount_pct"

	FieldSurvivalPct     = "survival_pct"
	FieldSurvivalCounts  = "survival_counts"
	FieldCustomers       = "customers"
	FieldCohorts         = "cohorts"
	FieldAlpha           = "alpha"
	FieldBeta            = "beta"
	FieldPeriod          = "period"
	FieldHorizonPeriods  = "horizon_periods"
	FieldFitPeriods      = "fit_periods"
	FieldMarginPerPeriod = "margin_per_period"
	FieldDiscountRatePct = "discount_rate_pct"
	FieldRenewals        = "renewals"

	FieldCAC              = "cac"
	FieldMarketingSpend   = "marketing_spend"
	FieldSalesSpend       = "sales_spend"
	FieldToolsSpend       = "tools_spend"
	FieldOverhead         = "overhead"
	FieldHoursPerCustomer = "hours_per_customer"
	FieldHourlyRate       = "hourly_rate"
	FieldNewCustomers     = "new_customers"

	FieldWhatIf      = "what_if"
	FieldSensitivity = "sensitivity"
	FieldGoalSeek    = "goal_seek"
)

// Models, the values of the "model" field.
const (
	ModelPurchase     = "purchase"
	ModelSubscription = "subscription"
	ModelCohort       = "cohort"
)

// Options of the subscription and cohort models.
const (
	// Cash-timing conventions of Fader & Hardie (2012), see doc.go.
	TimingStart      = "start"       // first payment at t = 0, included (the default)
	TimingEnd        = "end"         // every payment booked at the end of its period
	TimingAfterFirst = "after_first" // the first payment excluded

	BillingMonthly = "monthly" // the default
	BillingAnnual  = "annual"  // prepaid for a year, with its own churn and price discount

	PeriodMonth = "month" // the default period of the cohort model
	PeriodYear  = "year"
)

// Limits of a scenario. They bound the work of one evaluation and keep every
// figure far from overflow.
const (
	// MaxScenarioBytes is the largest scenario document ParseScenario reads:
	// room for the largest data the other limits allow, MaxCohortValues
	// counts of up to 27 characters each.
	MaxScenarioBytes = 4 << 20
	// MaxPeriods bounds horizons (horizon_months, horizon_periods), renewals
	// and the length of a survival curve: a century of months.
	MaxPeriods = 1200
	// MaxCohorts is the largest number of cohorts in "cohorts".
	MaxCohorts = 1200
	// MaxCohortValues bounds the number of counts in all cohorts together.
	MaxCohortValues = 100_000
)

// A numField is one scalar number of the scenario.
type numField int

const (
	nAverageOrderValue numField = iota
	nPurchasesPerYear
	nLifetimeYears
	nAnnualChurnPct
	nGrossMarginPct
	nTotalRevenue
	nTotalPurchases
	nUniqueCustomers
	nTotalCustomerYears
	nARPAMonthly
	nMonthlyChurnPct
	nMonthlyExpansionPct
	nDiscountRateAnnualPct
	nHorizonMonths
	nAnnualBillingDiscountPct
	nCustomers
	nAlpha
	nBeta
	nHorizonPeriods
	nFitPeriods
	nMarginPerPeriod
	nDiscountRatePct
	nRenewals
	nCAC
	nMarketingSpend
	nSalesSpend
	nToolsSpend
	nOverhead
	nHoursPerCustomer
	nHourlyRate
	nNewCustomers
	numFields
)

// Which models read a field.
const (
	forPurchase = 1 << iota
	forSubscription
	forCohort
	forAll = forPurchase | forSubscription | forCohort
)

// fieldSpec gives a scalar field's bounds and how what-if tools may vary it.
type fieldSpec struct {
	name    string
	models  int
	min     decimal.Decimal
	minOpen bool            // min itself is excluded
	max     decimal.Decimal // zero means no bound below MaxInput
	integer bool
	places  int32 // decimal places of the field in answers (goal seek)
	tunable bool  // sensitivity and goal seek vary it (integers they leave alone)
}

var (
	d1000 = decimal.NewFromInt(1000)
	dMaxP = decimal.NewFromInt(MaxPeriods)
	dMaxB = decimal.NewFromInt(1_000_000) // largest alpha, beta
)

// specs is indexed by numField.
var specs = [numFields]fieldSpec{
	nAverageOrderValue:        {name: FieldAverageOrderValue, models: forPurchase, places: 2, tunable: true},
	nPurchasesPerYear:         {name: FieldPurchasesPerYear, models: forPurchase, places: 4, tunable: true},
	nLifetimeYears:            {name: FieldLifetimeYears, models: forPurchase, places: 4, tunable: true},
	nAnnualChurnPct:           {name: FieldAnnualChurnPct, models: forPurchase | forSubscription, max: hundred, places: 4, tunable: true},
	nGrossMarginPct:           {name: FieldGrossMarginPct, models: forPurchase | forSubscription, max: hundred, places: 4, tunable: true},
	nTotalRevenue:             {name: FieldTotalRevenue, models: forPurchase, places: 2, tunable: true},
	nTotalPurchases:           {name: FieldTotalPurchases, models: forPurchase, minOpen: true, places: 2, tunable: true},
	nUniqueCustomers:          {name: FieldUniqueCustomers, models: forPurchase, minOpen: true, places: 2, tunable: true},
	nTotalCustomerYears:       {name: FieldTotalCustomerYears, models: forPurchase, places: 2, tunable: true},
	nARPAMonthly:              {name: FieldARPAMonthly, models: forSubscription, places: 2, tunable: true},
	nMonthlyChurnPct:          {name: FieldMonthlyChurnPct, models: forSubscription, max: hundred, places: 4, tunable: true},
	nMonthlyExpansionPct:      {name: FieldMonthlyExpansionPct, models: forSubscription, min: hundred.Neg(), max: hundred, places: 4, tunable: true},
	nDiscountRateAnnualPct:    {name: FieldDiscountRateAnnualPct, models: forSubscription, max: d1000, places: 4, tunable: true},
	nHorizonMonths:            {name: FieldHorizonMonths, models: forSubscription, minOpen: true, max: dMaxP, integer: true},
	nAnnualBillingDiscountPct: {name: FieldAnnualBillingDiscountPct, models: forSubscription, max: hundred, places: 4, tunable: true},
	nCustomers:                {name: FieldCustomers, models: forCohort, minOpen: true, integer: true},
	nAlpha:                    {name: FieldAlpha, models: forCohort, minOpen: true, max: dMaxB, places: 6, tunable: true},
	nBeta:                     {name: FieldBeta, models: forCohort, minOpen: true, max: dMaxB, places: 6, tunable: true},
	nHorizonPeriods:           {name: FieldHorizonPeriods, models: forCohort, minOpen: true, max: dMaxP, integer: true},
	nFitPeriods:               {name: FieldFitPeriods, models: forCohort, min: two, max: dMaxP, integer: true},
	nMarginPerPeriod:          {name: FieldMarginPerPeriod, models: forCohort, places: 2, tunable: true},
	nDiscountRatePct:          {name: FieldDiscountRatePct, models: forCohort, max: d1000, places: 4, tunable: true},
	nRenewals:                 {name: FieldRenewals, models: forCohort, max: dMaxP, integer: true},
	nCAC:                      {name: FieldCAC, models: forAll, places: 2, tunable: true},
	nMarketingSpend:           {name: FieldMarketingSpend, models: forAll, places: 2, tunable: true},
	nSalesSpend:               {name: FieldSalesSpend, models: forAll, places: 2, tunable: true},
	nToolsSpend:               {name: FieldToolsSpend, models: forAll, places: 2, tunable: true},
	nOverhead:                 {name: FieldOverhead, models: forAll, places: 2, tunable: true},
	nHoursPerCustomer:         {name: FieldHoursPerCustomer, models: forAll, places: 4, tunable: true},
	nHourlyRate:               {name: FieldHourlyRate, models: forAll, places: 2, tunable: true},
	nNewCustomers:             {name: FieldNewCustomers, models: forAll, minOpen: true, places: 4, tunable: true},
}

// fieldByName returns the scalar field called name.
func fieldByName(name string) (numField, bool) {
	for f := range numFields {
		if specs[f].name == name {
			return f, true
		}
	}
	return 0, false
}

// check returns a *FieldError when d is outside the field's bounds.
func (sp fieldSpec) check(d decimal.Decimal, text string) error {
	bad := func(code, reason string) error {
		return &FieldError{Field: sp.name, Value: text, Code: code, Reason: reason}
	}
	switch c := d.Cmp(sp.min); {
	case c < 0 && sp.min.IsZero():
		return bad(CodeNegative, "must be zero or more")
	case c <= 0 && sp.minOpen && sp.min.IsZero():
		return bad(CodeNotPositive, "must be more than zero")
	case c <= 0 && sp.minOpen:
		return bad(CodeOutOfRange, "must be more than "+sp.min.String())
	case c < 0:
		return bad(CodeOutOfRange, "must be at least "+sp.min.String())
	}
	if !sp.max.IsZero() && d.Cmp(sp.max) > 0 {
		return bad(CodeOutOfRange, "must be at most "+sp.max.String())
	}
	if sp.integer && !d.IsInteger() {
		return bad(CodeNotInteger, "must be a whole number")
	}
	return nil
}

// parse reads the field's text; present is false for an empty text.
func (sp fieldSpec) parse(text string) (d decimal.Decimal, present bool, err error) {
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return decimal.Zero, false, nil
	}
	d, err = ParseDecimal(sp.name, text)
	if err == nil {
		err = sp.check(d, text)
	}
	return d, err == nil, err
}
