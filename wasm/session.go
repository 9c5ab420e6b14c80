//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall/js"
	"time"
	"unsafe"

	"casewright/editor"
	"casewright/wasm/internal/nest"
	"casewright/wasm/internal/utf16text"
	"casewright/wasm/store"
)

var errNotSaved = errors.New("the draft could not be saved yet")

// openTimeout bounds the wait for the drafts database, after which the editor runs without it.
const openTimeout = 10 * time.Second

// session is one mounted editor: its preview and panels, the open draft and its autosave.
type session struct {
	core     *core
	opts     mountOptions // the template, portal and path this session checks against
	preview  *preview
	checker  *editor.DraftChecker // checks the preview's parse, again only where it changed; nil until the first check
	problems *problemsPanel
	outline  *outlinePanel
	drafts   *store.Store // nil when IndexedDB cannot be used
	saver    *autosave
	nesting  nest.Guard     // how deep the texts of update nest, bounded by maxNesting
	typed    utf16text.Text // the editor's text as the last update left it, for edit
	shown    []diagnostic   // the diagnostics the editor was last given; nil when unknown
	status   js.Value
	warn     js.Value

	mu           sync.Mutex
	draftID      string
	revision     int
	text         string
	completeness float64
	conflict     *store.Draft  // the newer stored draft a save ran into, until the user chooses
	purged       chan struct{} // closed once the trash is rid of drafts deleted long ago

	tabs   tabs      // other tabs of the same storage name
	events listeners // the page's drafts panel and dialogs
}

// mountSession binds a session to the page elements in opts and opens the draft to edit:
// the one open last, or a new one from the template.
func mountSession(c *core, opts js.Value) (*session, error) {
	name := "casewright"
	if v := opts.Get("storage"); v.Type() == js.TypeString && v.String() != "" {
		name = v.String()
	}
	// Opening waits while another tab holds an older version of the database open.
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	opening := openInBackground(ctx, name) // while the options (a page's own template, the portal's index) are read
	mo, err := readMountOptions(c, opts)
	markStartup("options read")
	if err != nil {
		opening.discard()
		return nil, err
	}
	s := &session{
		core:     c,
		opts:     mo,
		preview:  newPreview(elementOf(opts.Get("preview")), opts.Get("sanitize"), c.r),
		problems: &problemsPanel{root: elementOf(opts.Get("problems"))},
		outline:  &outlinePanel{root: elementOf(opts.Get("outline"))},
		nesting:  nest.Guard{Limit: maxNesting},
		status:   opts.Get("onStatus"),
		warn:     opts.Get("onWarning"),
	}
	s.saver = newAutosave(s.write, s.showStatus)
	drafts, err := opening.wait()
	markStartup("drafts open")
	if err != nil {
		s.showWarning("Drafts cannot be kept in this browser (" + err.Error() + "). Keep your work with Export Markdown.")
		s.text = s.opts.newText()
		return s, nil
	}
	s.drafts = drafts
	s.tabs.open(name, s.fromOtherTab)
	if err := s.openLast(ctx); err != nil {
		return nil, err
	}
	markStartup("draft read")
	// Drafts deleted more than trashKeep ago leave the trash for good, once the draft is open:
	// the editor does not wait for it, the Trash view does.
	s.purged = make(chan struct{})
	go func() {
		defer close(s.purged)
		_, _ = drafts.PurgeTrash(context.Background(), trashKeep)
	}()
	return s, nil
}

// openLast opens the draft edited last, or makes a new one when there is none.
func (s *session) openLast(ctx context.Context) error {
	if id, err := s.drafts.LastOpen(ctx); err == nil && id != "" {
		if d, err := s.drafts.Get(ctx, id); err == nil {
			s.setDraft(d)
			return nil
		}
	}
	return s.openNew(ctx)
}

// openNew makes a draft from the template and opens it.
func (s *session) openNew(ctx context.Context) error {
	text := s.opts.newText()
	d, err := s.drafts.Create(ctx, store.Title(text), text)
	if err != nil {
		return fmt.Errorf("creating a draft: %w", err)
	}
	s.setDraft(d)
	return s.drafts.SetLastOpen(ctx, d.ID)
}

// open saves the draft being edited and switches to draft id, or to a new draft when id is "".
func (s *session) open(id string) (store.Draft, error) {
	if s.drafts == nil {
		return store.Draft{}, errNoStorage
	}
	if err := s.saver.flush(); err != nil {
		return store.Draft{}, err
	}
	ctx := context.Background()
	if id == "" {
		if err := s.openNew(ctx); err != nil {
			return store.Draft{}, err
		}
		id = s.currentID()
	}
	d, err := s.drafts.Get(ctx, id)
	if err != nil {
		return store.Draft{}, err
	}
	// Typing while the draft was read went to the old draft: store it before switching.
	for s.saver.busy() {
		if err := s.saver.flush(); err != nil {
			return store.Draft{}, err
		}
	}
	s.setDraft(d)
	return d, s.drafts.SetLastOpen(ctx, id)
}

func (s *session) currentID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.draftID
}

// setDraft makes d the open draft, its text the stored baseline of the autosave.
func (s *session) setDraft(d store.Draft) {
	s.mu.Lock()
	s.draftID, s.revision, s.text, s.conflict = d.ID, d.Revision, d.Text, nil
	s.mu.Unlock()
	s.saver.reset(d.Text)
}

// update is the keystroke path for a whole text: see refresh.
func (s *session) update(text string) js.Value {
	defer measureUpdate()()
	s.typed.Reset(text)
	return s.refresh(text, nil)
}

// show renders the draft the session opened in the preview, unchecked: the page's first
// update, which it checks with check once it is ready. The result has no diagnostics and
// nothing complete yet.
func (s *session) show() js.Value {
	s.mu.Lock()
	text := s.text
	s.mu.Unlock()
	s.typed.Reset(text)
	if paused, result := s.pauseIfTooLarge(text); paused {
		return result
	}
	s.preview.update(unsafe.Slice(unsafe.StringData(text), len(text)))
	title := store.Title(text)
	return jsonString(updateResult{Diagnostics: []diagnostic{}, Title: title, FileName: fileNameOf(title)})
}

// check checks the editor's text as the core has it (show or the last update left it), for
// the page's first check; null when the core does not have it, and the page sends it to
// update.
func (s *session) check() js.Value {
	if !s.typed.Known() {
		return js.Null()
	}
	return s.refresh(s.typed.String(), nil)
}

// edit is the keystroke path as the editor takes it: it hands over what changed, as a flat
// list of (from, deleted, inserted) in UTF-16 units, each from in the text the edits before
// it made, and the new length, instead of the whole draft: copying 100 KB into the core at
// every key cost two thirds of rendering what it changed. It returns null, and the editor sends
// the whole text to update, when the core does not have the text the edits apply to, they do
// not fit it, or the result is too large for the live preview (update leaves those as they
// are).
func (s *session) edit(edits js.Value, units int) js.Value {
	defer measureUpdate()()
	if !s.typed.Known() {
		return js.Null()
	}
	n := edits.Length()
	var m *move
	for i := 0; i+2 < n; i += 3 {
		from, deleted, insert := edits.Index(i).Int(), edits.Index(i+1).Int(), edits.Index(i+2).String()
		if err := s.typed.Replace(from, deleted, insert); err != nil {
			s.typed.Forget()
			return js.Null()
		}
		if n == 3 {
			m = &move{from: from, deleted: deleted, inserted: utf16text.Len(insert)}
		}
	}
	if s.typed.Units() != units || len(s.typed.String()) > maxLiveBytes {
		s.typed.Forget()
		return js.Null()
	}
	return s.refresh(s.typed.String(), m)
}

// refresh renders what changed, checks the preview's parse of it (one parse of the changed
// chunks serves both), refreshes the panels, schedules the save, and hands the diagnostics
// back for the editor. When the text is the last one changed by the one edit m (nil
// otherwise) and the diagnostics only moved with it, it says so instead of listing them.
func (s *session) refresh(text string, m *move) js.Value {
	if paused, result := s.pauseIfTooLarge(text); paused {
		return result
	}
	// The text's own bytes, not a copy: 100 KB less garbage per keystroke on a long draft.
	// Nothing writes to them; the preview's Document keeps them until the next update.
	src := unsafe.Slice(unsafe.StringData(text), len(text))
	s.preview.update(src)
	if s.checker == nil {
		s.checker = s.opts.tpl().NewDraftChecker()
	}
	report := s.checker.Check(s.preview.doc, s.opts.check)
	diags := pageDiagnostics(text, report.Diagnostics)
	s.problems.show(diags)
	s.outline.show(report.Outline, report.Completeness, diags)
	s.mu.Lock()
	s.text, s.completeness = text, report.Completeness.Ratio
	s.mu.Unlock()
	if s.drafts != nil {
		s.saver.changed(text)
	}
	title := store.Title(text)
	result := updateResult{
		Diagnostics:  diags,
		Completeness: report.Completeness,
		Title:        title,
		FileName:     fileNameOf(title),
	}
	if m != nil && s.shown != nil && movedOnly(s.shown, diags, *m) {
		result.Diagnostics, result.Moved = nil, true
	}
	s.shown = diags
	return jsonString(result)
}

// write stores text as the open draft's newest revision.
func (s *session) write(text string) error {
	s.mu.Lock()
	id, rev, completeness, conflict := s.draftID, s.revision, s.completeness, s.conflict
	s.mu.Unlock()
	if conflict != nil {
		return errUnresolvedConflict // the user chooses first: never overwrite silently
	}
	d, err := s.saveOrRestore(context.Background(), id, text, completeness, rev)
	if err != nil {
		s.noteConflict(id, err)
		return err
	}
	s.mu.Lock()
	if s.draftID == id {
		s.revision = d.Revision
	}
	s.mu.Unlock()
	s.announceSave(d)
	return nil
}

func (s *session) showStatus(state, message string) {
	if s.status.Type() == js.TypeFunction {
		s.status.Invoke(state, message)
	}
}

func (s *session) showWarning(message string) {
	if s.warn.Type() == js.TypeFunction {
		s.warn.Invoke(message)
	}
}

// saveFailure says what a failed save means for the writer.
func saveFailure(err error) string {
	switch {
	case errors.Is(err, store.ErrQuota):
		return "Not saved: the browser's storage is full. Your text stays here; export it or free space, saving resumes by itself."
	case errors.Is(err, store.ErrConflict):
		return "Not saved: this draft was changed in another tab. Choose which version to keep."
	case errors.Is(err, store.ErrUnavailable):
		return "Not saved: the browser's storage cannot be used. Export your work to keep it."
	default:
		return "Not saved: " + err.Error()
	}
}

func (s *session) exports() js.Value {
	s.mu.Lock()
	id, text := s.draftID, s.text
	s.mu.Unlock()
	return js.ValueOf(map[string]any{
		"id":   id,
		"text": text,
		"update": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return s.updateLarge(args[0])
		}),
		"show": js.FuncOf(func(js.Value, []js.Value) any {
			return s.show()
		}),
		"check": js.FuncOf(func(js.Value, []js.Value) any {
			return s.check()
		}),
		"edit": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return s.edit(args[0], args[1].Int())
		}),
		"flush": js.FuncOf(func(js.Value, []js.Value) any {
			return promise(func() (any, error) { return nil, s.saver.flush() })
		}),
		"open": js.FuncOf(func(_ js.Value, args []js.Value) any {
			id := args[0].String()
			return promise(func() (any, error) {
				d, err := s.open(id)
				if err != nil {
					return nil, err
				}
				return jsonString(fullJSON(d)), nil
			})
		}),
		"drafts": s.draftsAPI(),
		// validate checks text against this session's template and portal, as core.validate.
		"validate": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return jsonString(editorDiagnostics(s.opts.tpl().CheckWith([]byte(args[0].String()), s.opts.check).Diagnostics))
		}),
		// linkTargets lists the portal's pages and anchors as links from this draft (JSON).
		"linkTargets": js.FuncOf(func(js.Value, []js.Value) any {
			if s.opts.site == nil {
				return "[]"
			}
			return jsonString(jsonList[linkTarget](s.opts.site.linkTargets(s.opts.check.Path)))
		}),
		// workspace is what the page's drafts panel, history, import and conflict dialogs use.
		"workspace": s.workspaceAPI(),
		"trash":     s.trashAPI(), // the Trash view (trash_api.go)
		// setPageProblems shows problems the page found itself (diagram syntax) in the panel.
		"setPageProblems": js.FuncOf(func(_ js.Value, args []js.Value) any {
			if err := s.problems.setPageProblems(args[0].String()); err != nil {
				return err.Error()
			}
			return nil
		}),
	})
}

// updateResult is what the editor needs back from one keystroke. Moved, without
// Diagnostics, says that the editor's diagnostics only moved with the edit.
type updateResult struct {
	Diagnostics  []diagnostic        `json:"diagnostics"`
	Moved        bool                `json:"moved,omitempty"`
	Completeness editor.Completeness `json:"completeness"`
	Title        string              `json:"title"`
	FileName     string              `json:"fileName"`
}
