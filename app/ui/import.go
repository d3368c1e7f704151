package ui

import (
	"strconv"

	"ltvlab/calc"
)

// maxImportBytes bounds a scenario file opened from disk: what calc reads,
// so that every file the page writes opens again (a file of the largest
// cohort table calc takes, which the Share dialog offers when its figures
// are too large for a link, takes up to about 3 MB).
const maxImportBytes = calc.MaxScenarioBytes

// errFileTooBig is the error of a file over maxImportBytes.
var errFileTooBig = &calc.FieldError{Code: calc.CodeTooLong, Reason: "the file is larger than the most a scenario file may be"}

// parseImport reads a scenario file: calc's format, of one of the three
// models. It returns errFileTooBig for a file over maxImportBytes, and
// calc's field errors (calc.FieldErrors reads them), a bad or missing model
// among them. The survival counts of one cohort become that cohort's row in
// the cohort table, which is how the page shows them.
func parseImport(data []byte) (calc.Scenario, error) {
	if len(data) > maxImportBytes {
		return calc.Scenario{}, errFileTooBig
	}
	s, err := calc.ParseScenario(data)
	if err != nil {
		return calc.Scenario{}, err
	}
	if !knownModel(s.Model) {
		return calc.Scenario{}, &calc.FieldError{Field: calc.FieldModel, Value: s.Model, Code: calc.CodeInvalid,
			Reason: `the model is "purchase", "subscription" or "cohort"`}
	}
	if len(s.SurvivalCounts) > 0 && len(s.Cohorts) == 0 {
		s.Cohorts, s.SurvivalCounts = [][]calc.Number{s.SurvivalCounts}, nil
	}
	return s, nil
}

// importErrors words the errors of parseImport for the page, one line each,
// at most a few: the field's label (its JSON name when the page has no such
// input) and what is wrong, in the locale.
func importErrors(err error, l locale) []string {
	const most = 8
	fes := calc.FieldErrors(err)
	if len(fes) == 0 {
		return []string{l.tr("This file is not a scenario that LTV Lab can open.")}
	}
	var out []string
	for i, fe := range fes {
		if i == most {
			out = append(out, l.tr("… and {0} more.", l.number(strconv.Itoa(len(fes)-most))))
			break
		}
		out = append(out, importErrorText(fe, l))
	}
	return out
}

// importErrorText is one error of an imported file in the locale.
func importErrorText(fe *calc.FieldError, l locale) string {
	switch {
	case fe == errFileTooBig:
		return tooBigText(-1, l)
	case fe.Code == calc.CodeEncoding:
		return l.tr("This file is not UTF-8 text, which scenario files are: save it as UTF-8 and open it again.")
	case fe.Field == "":
		return l.tr("This file is not a scenario: it must be one JSON object, as LTV Lab exports.")
	}
	msg := errorText(fe, l)
	switch fe.Code {
	case calc.CodeUnknown:
		msg = l.tr("not a field of the scenario format")
	case calc.CodeDuplicate:
		msg = l.tr("given more than once: keep one")
	}
	label := fe.Field
	switch name := fieldLabel(fe.Field); {
	case fe.Field == calc.FieldModel:
		label = l.tr("Model")
		if fe.Code != calc.CodeDuplicate {
			msg = l.tr("must be purchase, subscription or cohort")
		}
	case name != fe.Field:
		label = l.tr(name)
	case !plainName(label):
		// A name of the file's own (calc cuts it): quoted, so that a
		// direction mark or a line break in it shows as what it is.
		label = strconv.Quote(label)
	}
	return l.tr("{0}: {1}", label, msg)
}

// plainName reports whether a field name is shown as it is: ASCII
// letters, digits, "_", "-" and ".".
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// tooBigText says that a file is over maxImportBytes; size is its size in
// bytes, or -1 when unknown.
func tooBigText(size int64, l locale) string {
	limit := l.number(strconv.Itoa(maxImportBytes >> 10))
	if size < 0 {
		return l.tr("The file is larger than {0} KiB, the most a scenario file may be.", limit)
	}
	kib := (size + 1023) >> 10
	return l.tr("The file is {0} KiB; a scenario file may be at most {1} KiB.", l.number(strconv.FormatInt(kib, 10)), limit)
}
