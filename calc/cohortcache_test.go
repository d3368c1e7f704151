package calc

import (
	"errors"
	"slices"
	"sync"
	"testing"
)

// cohortScenario is a cohort scenario on a copy of the table rows.
func cohortScenario(rows [][]Number) Scenario {
	c := make([][]Number, len(rows))
	for i, r := range rows {
		c[i] = slices.Clone(r)
	}
	return Scenario{Model: ModelCohort, Period: PeriodMonth, Cohorts: c, MarginPerPeriod: "100", DiscountRatePct: "1", CAC: "300"}
}

// TestCohortDataReadOnce: the same cohort data, in other slices and with
// other figures elsewhere, are read and fitted once; other data, or a
// change to the caller's slices after a run, are read again.
func TestCohortDataReadOnce(t *testing.T) {
	rows := largeCohorts(50, 30)
	first := cohortScenario(rows)
	in1, _, err := first.prepare()
	if err != nil {
		t.Fatal(err)
	}
	again := cohortScenario(rows)
	again.MarginPerPeriod, again.CAC = "120", "200"
	in2, _, err := again.prepare()
	if err != nil {
		t.Fatal(err)
	}
	if in1.cohort == nil || in1.cohort != in2.cohort || in1.fit != in2.fit {
		t.Errorf("the same data were read or fitted twice: data %p and %p, fits %p and %p", in1.cohort, in2.cohort, in1.fit, in2.fit)
	}
	// The caller changes its own table after the run: the cache kept its
	// copy, and the changed table is read anew.
	first.Cohorts[3][5] = first.Cohorts[3][4] + "1"
	in3, _, err := first.prepare()
	if fe := ErrorFor(err, FieldCohorts); fe == nil || fe.Code != CodeNoFit {
		t.Fatalf("a count that rises: %v, want a no_fit error on cohorts", err)
	}
	if in3 != nil {
		t.Errorf("inputs for bad data")
	}
	fresh := cohortScenario(rows)
	in4, _, err := fresh.prepare()
	if err != nil || in4.cohort != in1.cohort {
		t.Errorf("the first data again: %v, read again %v", err, in4.cohort != in1.cohort)
	}
	other := cohortScenario(rows)
	other.Cohorts[0][29] = "0"
	in5, _, err := other.prepare()
	if err != nil || in5.cohort == in1.cohort || in5.fit == in1.fit {
		t.Errorf("other data: %v; the data of the first read were used", err)
	}
}

// TestCohortErrorsNotShared: each run gets an error of its own, which it
// may change (the what-if prefixes its fields) without changing the next.
func TestCohortErrorsNotShared(t *testing.T) {
	bad := cohortScenario([][]Number{{"100", "80", "90"}, {"50", "40"}})
	for i := range 3 {
		_, err := bad.Run()
		fe := ErrorFor(err, FieldCohorts)
		if fe == nil || fe.Code != CodeNoFit {
			t.Fatalf("run %d: %v, want a no_fit error on cohorts", i, err)
		}
		fe.Field, fe.Reason = "changed", "changed"
	}
}

// TestRunStoppable: a run asked to stop returns ErrStopped and keeps
// nothing half done; a stop that never says so changes nothing.
func TestRunStoppable(t *testing.T) {
	rows := largeCohorts(200, 40)
	want, err := cohortScenario(rows).Run()
	if err != nil {
		t.Fatal(err)
	}
	rows[0][0] = "91234" // other data than the run above read
	for _, after := range []int{0, 1, 3, 6} {
		calls := 0
		_, err := cohortScenario(rows).RunStoppable(func() bool { calls++; return calls > after })
		if !errors.Is(err, ErrStopped) {
			t.Errorf("stopped after %d questions: %v, want ErrStopped", after, err)
		}
	}
	calls := 0
	got, err := cohortScenario(rows).RunStoppable(func() bool { calls++; return false })
	if err != nil || calls < 3 {
		t.Fatalf("never stopped: %v, asked %d times", err, calls)
	}
	plain, err := cohortScenario(rows).Run()
	if err != nil || got.LTV != plain.LTV || got.Alpha != plain.Alpha || got.LTV == want.LTV && got.Alpha == want.Alpha {
		t.Errorf("after stopped runs: LTV %s, alpha %s; Run gives %s, %s (%v); the first data gave %s", got.LTV, got.Alpha, plain.LTV, plain.Alpha, err, want.LTV)
	}
}

// TestCohortCacheConcurrent runs the same and different data at once.
func TestCohortCacheConcurrent(t *testing.T) {
	tables := [][][]Number{largeCohorts(20, 30), largeCohorts(30, 20), largeCohorts(10, 50)}
	want := make([]string, len(tables))
	for i, rows := range tables {
		r, err := cohortScenario(rows).Run()
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r.LTV
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(tables)
				if r, err := cohortScenario(tables[k]).Run(); err != nil || r.LTV != want[k] {
					t.Errorf("table %d: %s, %v; want %s", k, r.LTV, err, want[k])
				}
			}
		})
	}
	wg.Wait()
}
