package ui

import "ltvlab/calc"

// inputSpec is one input of a calculator: its URL query key, the scenario
// field it fills (the Field of calc's errors), and what the visitor reads.
type inputSpec struct {
	Key     string // URL query key: short, readable, stable
	Field   string // scenario JSON field
	Label   string
	Unit    string
	Hint    string
	Default string // text when the URL does not say; "" leaves the field empty
	Kind    inputKind
	Choices []choice // for kindSelect
	number  func(*calc.Scenario) *calc.Number
	text    func(*calc.Scenario) *string
}

type inputKind int

const (
	kindNumber inputKind = iota
	kindSelect
	kindText // free text (a pasted survival curve or cohort table)
)

// choice is one option of a select input.
type choice struct{ Value, Label string }

// CAC inputs, shared by the three models: the CAC itself, or its parts
// (seed 002: spend, hours x rate, overhead, divided by new customers).
var cacInputs = []inputSpec{
	{Key: "cac", Field: calc.FieldCAC, Label: "Customer acquisition cost", Unit: "$",
		Hint: "What winning one new customer costs. Leave empty to build it from its parts below.", Default: "100",
		number: func(s *calc.Scenario) *calc.Number { return &s.CAC }},
}

// cacParts build the CAC when "cac" is empty (seed 002).
var cacParts = []inputSpec{
	{Key: "mkt", Field: calc.FieldMarketingSpend, Label: "Marketing spend", Unit: "$ in the period",
		Hint:   "Ads, content, events: everything spent to attract customers.",
		number: func(s *calc.Scenario) *calc.Number { return &s.MarketingSpend }},
	{Key: "sales", Field: calc.FieldSalesSpend, Label: "Sales spend", Unit: "$ in the period",
		Hint:   "Salaries and commissions of the people who close deals.",
		number: func(s *calc.Scenario) *calc.Number { return &s.SalesSpend }},
	{Key: "tools", Field: calc.FieldToolsSpend, Label: "Tools", Unit: "$ in the period",
		Hint:   "Software and services used to find and win customers.",
		number: func(s *calc.Scenario) *calc.Number { return &s.ToolsSpend }},
	{Key: "ovh", Field: calc.FieldOverhead, Label: "Overhead", Unit: "$ in the period",
		Hint:   "The share of rent, admin and other costs of bringing clients in.",
		number: func(s *calc.Scenario) *calc.Number { return &s.Overhead }},
	{Key: "hrs", Field: calc.FieldHoursPerCustomer, Label: "Hours per new customer", Unit: "hours",
		Hint:   "Every hour spent winning one client, non-billable hours included.",
		number: func(s *calc.Scenario) *calc.Number { return &s.HoursPerCustomer }},
	{Key: "rate", Field: calc.FieldHourlyRate, Label: "Hourly rate", Unit: "$ per hour",
		Hint:   "What an hour of that time costs you.",
		number: func(s *calc.Scenario) *calc.Number { return &s.HourlyRate }},
	{Key: "newc", Field: calc.FieldNewCustomers, Label: "New customers in the period", Unit: "customers",
		Hint:   "How many customers that spending brought in.",
		number: func(s *calc.Scenario) *calc.Number { return &s.NewCustomers }},
}

var purchaseInputs = []inputSpec{
	{Key: "aov", Field: calc.FieldAverageOrderValue, Label: "Average order value", Unit: "$",
		Hint: "What a customer spends in one purchase.", Default: "50",
		number: func(s *calc.Scenario) *calc.Number { return &s.AverageOrderValue }},
	{Key: "freq", Field: calc.FieldPurchasesPerYear, Label: "Purchases per year", Unit: "per customer",
		Hint: "How many times a customer buys in a year.", Default: "2",
		number: func(s *calc.Scenario) *calc.Number { return &s.PurchasesPerYear }},
	{Key: "years", Field: calc.FieldLifetimeYears, Label: "Years as a customer", Unit: "years",
		Hint: "How long a customer keeps buying. Leave empty to use the annual churn instead.", Default: "3",
		number: func(s *calc.Scenario) *calc.Number { return &s.LifetimeYears }},
	{Key: "churn", Field: calc.FieldAnnualChurnPct, Label: "Annual churn", Unit: "%",
		Hint:   "Share of customers lost each year; lifetime = 1 / churn. Used when years is empty.",
		number: func(s *calc.Scenario) *calc.Number { return &s.AnnualChurnPct }},
	{Key: "gm", Field: calc.FieldGrossMarginPct, Label: "Gross margin", Unit: "%",
		Hint:   "Share of revenue left after the cost of goods. Empty counts revenue (100\u00a0%).",
		number: func(s *calc.Scenario) *calc.Number { return &s.GrossMarginPct }},
}

// purchaseTotals derive the purchase inputs from a period's totals (seed 004).
var purchaseTotals = []inputSpec{
	{Key: "rev", Field: calc.FieldTotalRevenue, Label: "Total revenue", Unit: "$ a year",
		Hint:   "Average order value = total revenue / purchases.",
		number: func(s *calc.Scenario) *calc.Number { return &s.TotalRevenue }},
	{Key: "orders", Field: calc.FieldTotalPurchases, Label: "Total purchases", Unit: "a year",
		Hint:   "Purchase frequency = purchases / unique customers.",
		number: func(s *calc.Scenario) *calc.Number { return &s.TotalPurchases }},
	{Key: "cust", Field: calc.FieldUniqueCustomers, Label: "Unique customers", Unit: "customers",
		Hint:   "Everyone who bought at least once in the year.",
		number: func(s *calc.Scenario) *calc.Number { return &s.UniqueCustomers }},
	{Key: "cyears", Field: calc.FieldTotalCustomerYears, Label: "Total customer-years", Unit: "years",
		Hint:   "Lifetime = total years all customers stayed / customers.",
		number: func(s *calc.Scenario) *calc.Number { return &s.TotalCustomerYears }},
}

var subscriptionInputs = []inputSpec{
	{Key: "arpa", Field: calc.FieldARPAMonthly, Label: "Average revenue per account", Unit: "$ a month",
		Hint: "What one customer pays a month (ARPA).", Default: "100",
		number: func(s *calc.Scenario) *calc.Number { return &s.ARPAMonthly }},
	{Key: "gm", Field: calc.FieldGrossMarginPct, Label: "Gross margin", Unit: "%",
		Hint: "Share of revenue left after hosting, support and other costs of service.", Default: "80",
		number: func(s *calc.Scenario) *calc.Number { return &s.GrossMarginPct }},
	{Key: "mchurn", Field: calc.FieldMonthlyChurnPct, Label: "Monthly churn", Unit: "%",
		Hint: "Share of customers who cancel each month.", Default: "5",
		number: func(s *calc.Scenario) *calc.Number { return &s.MonthlyChurnPct }},
	{Key: "exp", Field: calc.FieldMonthlyExpansionPct, Label: "Monthly expansion", Unit: "%",
		Hint:   "Revenue growth of the customers who stay (upgrades, seats). Optional.",
		number: func(s *calc.Scenario) *calc.Number { return &s.MonthlyExpansionPct }},
	{Key: "disc", Field: calc.FieldDiscountRateAnnualPct, Label: "Discount rate", Unit: "% a year",
		Hint:   "What money later is worth to you less than money now. Optional.",
		number: func(s *calc.Scenario) *calc.Number { return &s.DiscountRateAnnualPct }},
	{Key: "hz", Field: calc.FieldHorizonMonths, Label: "Horizon", Unit: "months",
		Hint:   "Count revenue up to this month only. Optional; needed when expansion outpaces churn.",
		number: func(s *calc.Scenario) *calc.Number { return &s.HorizonMonths }},
	{Key: "timing", Field: calc.FieldCashTiming, Label: "When the first payment counts", Kind: kindSelect,
		Hint: "Fader & Hardie (2012) list three conventions that sources mix up.",
		Choices: []choice{
			{calc.TimingStart, "At signup (default)"},
			{calc.TimingEnd, "At the end of each month"},
			{calc.TimingAfterFirst, "First payment excluded"},
		},
		text: func(s *calc.Scenario) *string { return &s.CashTiming }},
	{Key: "bill", Field: calc.FieldBilling, Label: "Billing", Kind: kindSelect,
		Hint:    "Annual prepaid billing changes churn and price.",
		Choices: []choice{{calc.BillingMonthly, "Monthly (default)"}, {calc.BillingAnnual, "Annual, prepaid"}},
		text:    func(s *calc.Scenario) *string { return &s.Billing }},
	{Key: "achurn", Field: calc.FieldAnnualChurnPct, Label: "Annual plan churn", Unit: "% a year",
		Hint:   "Share of annual subscribers who do not renew each year (annual billing only).",
		number: func(s *calc.Scenario) *calc.Number { return &s.AnnualChurnPct }},
	{Key: "abd", Field: calc.FieldAnnualBillingDiscountPct, Label: "Annual plan discount", Unit: "%",
		Hint:   "Price cut given for paying a year up front (annual billing only).",
		number: func(s *calc.Scenario) *calc.Number { return &s.AnnualBillingDiscountPct }},
}

// cohortInputs: the survival data are text areas parsed by parseTable; the
// rest are plain figures.
var cohortInputs = []inputSpec{
	{Key: "surv", Label: "Survival curve", Unit: "% still active, from period 0 = 100", Kind: kindText,
		Hint:    "Paste or type one figure per period, e.g. from a spreadsheet column or row.",
		Default: "100 63.1 46.8 38.2 32.6 28.9 26.2 24.1"},
	{Key: "n", Field: calc.FieldCustomers, Label: "Customers at the start", Unit: "customers",
		Hint: "How many customers the curve started with: the fit weighs the data by it.", Default: "1000",
		number: func(s *calc.Scenario) *calc.Number { return &s.Customers }},
	{Key: "coh", Label: "Or a cohort table", Unit: "customers still active", Kind: kindText,
		Hint: "One row per cohort: its size first, then who is left after each period. Used instead of the curve when filled."},
	{Key: "a", Field: calc.FieldAlpha, Label: "Or known alpha (a)", Unit: "sBG",
		Hint:   "With beta, skips the fit.",
		number: func(s *calc.Scenario) *calc.Number { return &s.Alpha }},
	{Key: "b", Field: calc.FieldBeta, Label: "And beta (b)", Unit: "sBG",
		number: func(s *calc.Scenario) *calc.Number { return &s.Beta }},
	{Key: "per", Field: calc.FieldPeriod, Label: "Period", Kind: kindSelect,
		Hint:    "The length of one period of the data.",
		Choices: []choice{{calc.PeriodYear, "Year"}, {calc.PeriodMonth, "Month"}}, Default: calc.PeriodYear,
		text: func(s *calc.Scenario) *string { return &s.Period }},
	{Key: "m", Field: calc.FieldMarginPerPeriod, Label: "Margin per period", Unit: "$",
		Hint: "What one active customer earns you each period, after costs.", Default: "100",
		number: func(s *calc.Scenario) *calc.Number { return &s.MarginPerPeriod }},
	{Key: "d", Field: calc.FieldDiscountRatePct, Label: "Discount rate", Unit: "% per period",
		Hint: "Keeps the value finite when many customers never leave.", Default: "10",
		number: func(s *calc.Scenario) *calc.Number { return &s.DiscountRatePct }},
	{Key: "hzp", Field: calc.FieldHorizonPeriods, Label: "Horizon", Unit: "periods",
		Hint: "The periods counted in the LTV, and shown in the charts and the table. Empty: for ever (then a discount rate keeps the value finite).", Default: "12",
		number: func(s *calc.Scenario) *calc.Number { return &s.HorizonPeriods }},
	{Key: "ren", Field: calc.FieldRenewals, Label: "Renewals so far", Unit: "renewals",
		Hint: "For the residual value of a customer who has already renewed this many times.", Default: "0",
		number: func(s *calc.Scenario) *calc.Number { return &s.Renewals }},
}
