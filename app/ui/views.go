package ui

// The views are what a calculator shows, already formatted: evaluate fills
// them from calc's results, the render methods only lay them out.

// resultRow is one labelled figure of the result panel.
type resultRow struct {
	ID    string // element id, for tests and links
	Label string
	Value string
	Note  string // a short explanation after the figure
}

// resultView is everything the result panel and the charts show.
type resultView struct {
	Empty        bool // no figures: the inputs have never been valid (emptyView)
	LTV          string
	LTVDetail    string
	Verdict      string // the 3x rule in plain words
	VerdictLevel string // "good", "warn" or "bad"
	Ratio        string // LTV:CAC, e.g. "3x"; "" without a CAC
	Rows         []resultRow
	Survival     *lineChart
	Payback      *lineChart
	Tornado      *tornadoChart
	Compare      []compareRow // what-if: baseline against scenario
	derived      derivedFigures
}

// derivedFigures are the purchase figures calc worked out from the year's
// totals, formatted, for the notes under the fields they replace.
type derivedFigures struct {
	aov, freq, years string
}

// compareRow is one figure of the what-if comparison.
type compareRow struct {
	ID       string
	Label    string
	Base     string
	Scenario string
	Diff     string
	DiffPct  string
}

// goalView is the answer to the last goal-seek question.
type goalView struct {
	ID     string // which question
	Answer string
	Key    string // the input the answer is for, "" when there is nothing to apply
	Value  string // the value to apply
}

// emptyView is the result panel of inputs that have not been valid since
// they arrived (a link, a file, a saved scenario with a bad figure): no
// figures at all, rather than those of other inputs.
func emptyView(l locale) resultView {
	return resultView{Empty: true, LTV: "–", LTVDetail: l.tr("Fix the highlighted fields to see your figures.")}
}
