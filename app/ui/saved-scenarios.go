package ui

import (
	"errors"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// savedScenarios is the "Your scenarios" section of a calculator: scenarios
// saved in this browser (open, rename, delete), the current scenario as a
// JSON file or its projection as CSV, a scenario file to open, and print.
// The page owns the inputs: the section reads them and shows a scenario
// through Page. Names are the visitor's text: they are only
// ever rendered as element text, never in an attribute.
type savedScenarios struct {
	app.Compo

	Loc   locale
	Model string       // the page's model, for the default name
	Page  scenarioPage // the page that owns the inputs

	list     savedList
	loaded   bool   // the stored document has been read (in the browser)
	noStore  bool   // the browser denied its storage
	name     string // the name field, as typed
	renaming string // id of the scenario being renamed
	newName  string // its rename field, as typed
	deleting string // id of the scenario awaiting the delete confirmation; wholeList for the document
	status   string // what the last action did, for the live region
	failure  string // why the last action failed

	importName string   // the last file that could not be opened
	importErrs []string // and why

	ctx     app.Context // the section's own, once mounted
	mounted bool
}

// wholeList stands for the whole stored document in deleting.
const wholeList = "*"

// chosenFile is a file chosen in the import field.
type chosenFile struct {
	Name string
	Size int64  // in bytes
	Data []byte // the content, when read
	Read bool   // false: too large, or the browser could not read it
}

// scenarios is the page's "Your scenarios" section.
func (p *calcPage) scenarios() app.UI {
	return &savedScenarios{Loc: p.loc, Model: p.spec.Model, Page: p}
}

// scenarioPage is the page that owns the inputs. An interface, not func
// fields, so that go-app sees that the section is unchanged while the
// visitor types (two funcs never compare equal) and leaves it be.
type scenarioPage interface {
	scenario() calc.Scenario                       // the scenario of the inputs now
	withWhatIf() calc.Scenario                     // and of the what-if levers set
	openScenario(ctx app.Context, s calc.Scenario) // shows a scenario on the page
}

// openScenario shows a calc scenario (saved, or from a file) on the page;
// one with large tables once they are read beside the page (openLarge).
func (p *calcPage) openScenario(ctx app.Context, s calc.Scenario) {
	spec, q := stateFromScenario(s)
	if p.openLarge(ctx, spec, q) {
		return
	}
	p.openState(ctx, spec, q)
}

// withWhatIf is the scenario of the inputs with the what-if levers that
// are set, as calc's "what_if": what a saved scenario or a scenario file
// keeps, so that opening it shows the same comparison.
func (p *calcPage) withWhatIf() calc.Scenario {
	s := p.scenario()
	if ch := p.leverChanges(); anyLever(ch) {
		s.Changes = &ch
	}
	return s
}

// OnMount reads the saved scenarios: storage exists only in the browser.
func (c *savedScenarios) OnMount(ctx app.Context) {
	c.ctx, c.mounted = ctx, true
	c.reload()
}

// OnDismount forgets the section's context.
func (c *savedScenarios) OnDismount() {
	c.ctx, c.mounted = app.Context{}, false
}

// later runs f once the section is rendered again, e.g. to move the focus
// to an element that the render adds. An event handler's own ctx.Defer
// would not run when the render removes the button that was clicked.
func (c *savedScenarios) later(f func()) {
	if c.mounted {
		c.ctx.Defer(func(app.Context) { f() })
	}
}

// reload reads the stored document.
func (c *savedScenarios) reload() {
	text, ok, err := storageGet(savedKey)
	c.noStore = err != nil
	c.list = readSaved(text, ok && err == nil)
	c.loaded = true
}

// errStorage: the browser refused to store the document.
var errStorage = errors.New("the browser did not store the scenarios")

// change applies f to the stored document as it is now (another tab may
// have changed it) and stores the result.
func (c *savedScenarios) change(f func(*savedList) error) error {
	text, ok, err := storageGet(savedKey)
	if err != nil {
		c.noStore = true
		return errStorage
	}
	l := readSaved(text, ok)
	if err := f(&l); err != nil {
		c.list = l
		return err
	}
	out, err := l.encode()
	if err == nil {
		err = storageSet(savedKey, out)
	}
	if err != nil {
		c.list = readSaved(text, ok)
		return errStorage
	}
	c.list = readSaved(out, true)
	return nil
}

// say reports what an action did; fail why it could not.
func (c *savedScenarios) say(msg string) { c.status, c.failure = msg, "" }

func (c *savedScenarios) fail(err error) {
	l := c.Loc
	c.status = ""
	switch {
	case errors.Is(err, errTooMany) && len(c.list.Items) > maxSaved:
		// A document written elsewhere (another version, an edit) can hold
		// more than this page keeps.
		n := len(c.list.Items)
		c.failure = l.tr("You have {0} saved scenarios and this page keeps at most {1}: delete {2} of them to save another.",
			l.number(strconv.Itoa(n)), l.number(strconv.Itoa(maxSaved)), l.number(strconv.Itoa(n-maxSaved+1)))
	case errors.Is(err, errTooMany):
		c.failure = l.tr("You have {0} saved scenarios, the most this page keeps: delete one to save another.", l.number(strconv.Itoa(maxSaved)))
	case errors.Is(err, errNameTooLong):
		c.failure = l.tr("A name has at most {0} characters.", l.number(strconv.Itoa(maxNameRunes)))
	case errors.Is(err, errNotFound):
		c.failure = l.tr("That scenario is no longer saved: it may have been deleted in another window.")
	case errors.Is(err, errDocProblem):
		c.failure = "" // the section already says why
	default:
		c.failure = l.tr("Your browser did not let this page store the scenarios: its storage is full or blocked.")
	}
}

// save stores the current inputs under the typed name, or under the model
// and the time when no name is given.
func (c *savedScenarios) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	name, err := cleanName(c.name)
	if err != nil {
		c.fail(err)
		return
	}
	now := time.Now()
	if name == "" {
		name = c.Loc.tr(modelLabel(c.Model)) + " " + now.Format("2006-01-02 15:04")
	}
	s := c.Page.withWhatIf()
	if err := c.change(func(l *savedList) error { _, err := l.add(name, s, now); return err }); err != nil {
		c.fail(err)
		return
	}
	c.name = ""
	setFieldValue("scenario-name", "")
	c.say(c.Loc.tr("Saved “{0}”.", name))
}

// modelLabel is the English name of a model's calculator, as in the
// navigation.
func modelLabel(model string) string {
	path := specFor(model).Path
	for _, it := range navItems {
		if it.Path == path {
			return it.Label
		}
	}
	return model
}

// target is the saved scenario whose element was acted on, found by the
// element's data-i attribute, and its index; ok is false for "all" (the
// whole stored document) and for an index no longer in the list. One
// handler serves every item: go-app keeps an element's handler when the new
// one has the same code, so a closure over an item would go on acting on
// the item that stood in that place before a deletion.
func (c *savedScenarios) target(ctx app.Context) (s savedScenario, i int, ok bool) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("i").String())
	if err != nil || i < 0 || i >= len(c.list.Items) {
		return savedScenario{}, -1, false
	}
	return c.list.Items[i], i, true
}

// open shows a saved scenario on the page.
func (c *savedScenarios) open(ctx app.Context, e app.Event) {
	s, _, ok := c.target(ctx)
	if !ok {
		return
	}
	c.renaming, c.deleting = "", ""
	c.say(c.Loc.tr("Opened “{0}”.", s.Name))
	c.Page.openScenario(ctx, s.Scenario)
}

// startRename shows the rename field of a scenario, filled with its name.
func (c *savedScenarios) startRename(ctx app.Context, e app.Event) {
	s, i, ok := c.target(ctx)
	if !ok {
		return
	}
	c.renaming, c.newName, c.deleting = s.ID, s.Name, ""
	c.later(func() {
		setFieldValue(renameFieldID(i), s.Name)
		focusElement(renameFieldID(i), true)
	})
}

func renameFieldID(i int) string { return "scenario-rename-" + strconv.Itoa(i) }

func (c *savedScenarios) rename(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s, i, ok := c.target(ctx)
	if !ok {
		return
	}
	name, err := cleanName(c.newName)
	switch {
	case err != nil:
		c.fail(err)
		return
	case name == "":
		name = s.Name
	}
	if err := c.change(func(l *savedList) error { return l.rename(s.ID, name) }); err != nil {
		c.fail(err)
		return
	}
	c.renaming = ""
	c.say(c.Loc.tr("Renamed to “{0}”.", name))
	c.later(func() { focusElement("scenario-renamebtn-"+strconv.Itoa(i), false) })
}

func (c *savedScenarios) cancelRename(ctx app.Context, e app.Event) {
	_, i, ok := c.target(ctx)
	c.renaming = ""
	if ok {
		c.later(func() { focusElement("scenario-renamebtn-"+strconv.Itoa(i), false) })
	}
}

// renameKey cancels the rename on Escape.
func (c *savedScenarios) renameKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		c.cancelRename(ctx, e)
	}
}

// askDelete asks to confirm the deletion of a scenario, or of the whole
// stored document (data-i "all").
func (c *savedScenarios) askDelete(ctx app.Context, e app.Event) {
	id, keepID := wholeList, "scenario-keep-all"
	if s, i, ok := c.target(ctx); ok {
		id, keepID = s.ID, "scenario-keep-"+strconv.Itoa(i)
	}
	c.deleting, c.renaming = id, ""
	c.later(func() { focusElement(keepID, false) })
}

// keep answers "Keep" to the question of askDelete.
func (c *savedScenarios) keep(ctx app.Context, e app.Event) {
	back := "scenario-start-over"
	if _, i, ok := c.target(ctx); ok {
		back = "scenario-delete-" + strconv.Itoa(i)
	}
	c.deleting = ""
	c.later(func() { focusElement(back, false) })
}

func (c *savedScenarios) remove(ctx app.Context, e app.Event) {
	s, _, ok := c.target(ctx)
	c.deleting = ""
	if !ok {
		return
	}
	if err := c.change(func(l *savedList) error { return l.remove(s.ID) }); err != nil {
		c.fail(err)
		return
	}
	c.say(c.Loc.tr("Deleted “{0}”.", s.Name))
	c.later(func() { focusElement("scenario-list-title", false) })
}

// startOver replaces a stored document that cannot be read by an empty one.
func (c *savedScenarios) startOver(ctx app.Context, e app.Event) {
	c.deleting = ""
	var empty savedList
	out, _ := empty.encode()
	if err := storageSet(savedKey, out); err != nil {
		c.fail(errStorage)
		return
	}
	c.list = empty
	c.say(c.Loc.tr("Started a new list of saved scenarios."))
}

// exportJSON downloads the current scenario in calc's format.
func (c *savedScenarios) exportJSON(ctx app.Context, e app.Event) {
	b, err := scenarioJSON(c.Page.withWhatIf())
	c.offer(scenarioFileName(c.Model), "application/json", b, err)
}

// exportCSV downloads the projection of the current scenario.
func (c *savedScenarios) exportCSV(ctx app.Context, e app.Event) {
	b, err := projectionCSV(c.Page.scenario())
	if err != nil {
		c.status, c.failure = "", c.Loc.tr("Fix the highlighted figures first: the projection needs valid inputs.")
		return
	}
	c.offer(projectionFileName(c.Model), "text/csv", b, nil)
}

func (c *savedScenarios) offer(name, mime string, b []byte, err error) {
	if err == nil {
		err = download(name, mime, b)
	}
	if err != nil {
		c.status, c.failure = "", c.Loc.tr("Your browser did not start the download.")
		return
	}
	c.say(c.Loc.tr("Downloaded {0}.", name))
}

// chooseFile reads the scenario file chosen in the import field.
func (c *savedScenarios) chooseFile(ctx app.Context, e app.Event) {
	readChosenFile(ctx, ctx.JSSrc(), maxImportBytes, c.imported)
}

// imported opens a scenario file, or says why it cannot.
func (c *savedScenarios) imported(ctx app.Context, f chosenFile) {
	l := c.Loc
	c.importName, c.importErrs = f.Name, nil
	switch {
	case f.Size > maxImportBytes:
		c.importErrs = []string{tooBigText(f.Size, l)}
	case !f.Read:
		c.importErrs = []string{l.tr("The browser could not read the file.")}
	default:
		s, err := parseImport(f.Data)
		if err != nil {
			c.importErrs = importErrors(err, l)
			break
		}
		c.importName = ""
		c.say(l.tr("Opened “{0}”.", f.Name))
		c.Page.openScenario(ctx, s)
		return
	}
	c.status, c.failure = "", ""
}

func (c *savedScenarios) print(ctx app.Context, e app.Event) { printPage() }

// setFieldValue sets the text of a field. Names go into fields this way,
// never through an attribute.
func setFieldValue(id, text string) {
	if el := app.Window().Get("document").Call("getElementById", id); el.Truthy() {
		el.Set("value", text)
	}
}

// focusElement moves the focus to an element, selecting its text if asked.
func focusElement(id string, selectText bool) {
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	el.Call("focus")
	if selectText {
		el.Call("select")
	}
}
