package calc

import "errors"

// Report is everything the eval command prints for a scenario: the Result,
// with beside it the what-if, sensitivity analysis and goal seek that the
// scenario asks for (its what_if, sensitivity and goal_seek fields).
type Report struct {
	Result
	WhatIf      *Comparison  `json:"what_if,omitempty"`
	Sensitivity *Sensitivity `json:"sensitivity,omitempty"`
	GoalSeek    *GoalResult  `json:"goal_seek,omitempty"`
}

// Run evaluates the scenario and runs the tools it asks for, reading the
// scenario and fitting the cohort model once for all of them. It returns
// the errors of Evaluate, WhatIf, Sensitivity and GoalSeek, joined.
func (s Scenario) Run() (Report, error) { return s.RunStoppable(nil) }

// RunStoppable is Run for work that newer work may make useless: the
// browser runs it beside the page, and stop, called every few milliseconds
// of work (between cohorts read, between the steps of the sBG fit), reports
// whether the visitor has changed the inputs since. Once stop returns true
// RunStoppable returns ErrStopped and no report. A nil stop never stops.
func (s Scenario) RunStoppable(stop func() bool) (Report, error) {
	in, base, err := s.prepareUntil(stop)
	if errors.Is(err, ErrStopped) {
		return Report{}, ErrStopped
	}
	if err != nil {
		return Report{}, err
	}
	rep := Report{Result: base.result()}
	var errs []error
	if s.Changes != nil {
		c, err := in.whatIf(&s, base, *s.Changes)
		rep.WhatIf, errs = &c, append(errs, err)
	}
	if s.SensitivitySpec != nil {
		t, err := in.sensitivity(base, *s.SensitivitySpec)
		rep.Sensitivity, errs = &t, append(errs, err)
	}
	if s.Goal != nil {
		g, err := in.goalSeek(*s.Goal)
		rep.GoalSeek, errs = &g, append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		if errors.Is(err, ErrStopped) {
			return Report{}, ErrStopped
		}
		return Report{}, err
	}
	return rep, nil
}
