//go:build js && wasm

package main

import (
	"syscall/js"

	"casewright/editor"
	"casewright/wasm/internal/jsonw"
)

// The values the core hands the page as JSON, each written field by field: encoding/json's
// reflection would take 236 KB of code into the core. The types keep their json tags, which
// page_json_test.go holds these writers to, byte for byte.

// pageJSON is a value the core hands the page as JSON.
type pageJSON interface{ writeJSON(w *jsonw.Writer) }

// jsonString writes v for the page, which parses it once: one string crossing the boundary is
// far cheaper than building JavaScript objects field by field from Go.
func jsonString(v pageJSON) js.Value {
	var w jsonw.Writer
	v.writeJSON(&w)
	return js.ValueOf(w.String())
}

// jsonList is a slice written as a JSON array, null when it is nil as encoding/json writes it.
type jsonList[T pageJSON] []T

func (l jsonList[T]) writeJSON(w *jsonw.Writer) {
	if l == nil {
		w.Null()
		return
	}
	w.BeginArray()
	for _, v := range l {
		v.writeJSON(w)
	}
	w.EndArray()
}

type (
	jsonBool    bool
	jsonInt     int
	emptyObject struct{}
)

func (b jsonBool) writeJSON(w *jsonw.Writer)  { w.Bool(bool(b)) }
func (n jsonInt) writeJSON(w *jsonw.Writer)   { w.Int(int64(n)) }
func (emptyObject) writeJSON(w *jsonw.Writer) { w.BeginObject(); w.EndObject() }

func (r updateResult) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	jsonList[diagnostic](r.Diagnostics).writeJSON(w.Key("diagnostics"))
	if r.Moved {
		w.Key("moved").Bool(true)
	}
	writeCompleteness(w.Key("completeness"), r.Completeness)
	w.Key("title").Str(r.Title)
	w.Key("fileName").Str(r.FileName)
	w.EndObject()
}

func writeCompleteness(w *jsonw.Writer, c editor.Completeness) {
	w.BeginObject()
	w.Key("filled").Int(int64(c.Filled))
	w.Key("slots").Int(int64(c.Slots))
	w.Key("ratio").Float(c.Ratio)
	w.EndObject()
}

// writeRange writes the members of an editor.Range (From and To are not part of its JSON).
func writeRange(w *jsonw.Writer, r editor.Range) {
	w.Key("line").Int(int64(r.Line))
	w.Key("col").Int(int64(r.Col))
	w.Key("endLine").Int(int64(r.EndLine))
	w.Key("endCol").Int(int64(r.EndCol))
}

// writeFinding writes the members of an editor.Diagnostic but its fixes.
func writeFinding(w *jsonw.Writer, d *editor.Diagnostic) {
	writeRange(w, d.Range)
	w.Key("severity").Str(string(d.Severity))
	w.Key("code").Str(d.Code)
	w.Key("message").Str(d.Message)
}

func (d diagnostic) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	writeFinding(w, &d.Diagnostic)
	w.Key("from").Int(int64(d.From))
	w.Key("to").Int(int64(d.To))
	if len(d.Fixes) > 0 {
		jsonList[pageFix](d.Fixes).writeJSON(w.Key("fixes"))
	}
	w.EndObject()
}

func (f pageFix) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	w.Key("title").Str(f.Title)
	jsonList[pageEdit](f.Changes).writeJSON(w.Key("changes"))
	w.EndObject()
}

func (e pageEdit) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	w.Key("from").Int(int64(e.From))
	w.Key("to").Int(int64(e.To))
	w.Key("insert").Str(e.Insert)
	w.EndObject()
}

// editorDiagnostics are diagnostics as validate gives them, in the command line's JSON shape.
type editorDiagnostics []editor.Diagnostic

func (ds editorDiagnostics) writeJSON(w *jsonw.Writer) {
	if ds == nil {
		w.Null()
		return
	}
	w.BeginArray()
	for i := range ds {
		d := &ds[i]
		w.BeginObject()
		writeFinding(w, d)
		if len(d.Fixes) > 0 {
			w.Key("fixes").BeginArray()
			for _, f := range d.Fixes {
				w.BeginObject()
				w.Key("title").Str(f.Title)
				w.Key("edits")
				if f.Edits == nil {
					w.Null()
				} else {
					w.BeginArray()
					for _, e := range f.Edits {
						w.BeginObject()
						writeRange(w, e.Range)
						w.Key("newText").Str(e.NewText)
						w.EndObject()
					}
					w.EndArray()
				}
				w.EndObject()
			}
			w.EndArray()
		}
		w.EndObject()
	}
	w.EndArray()
}

func (d draftJSON) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	d.writeMembers(w)
	w.EndObject()
}

func (d draftJSON) writeMembers(w *jsonw.Writer) {
	w.Key("id").Str(d.ID)
	w.Key("title").Str(d.Title)
	w.Key("created").Str(d.Created)
	w.Key("updated").Str(d.Updated)
	w.Key("completeness").Float(d.Completeness)
	w.Key("revision").Int(int64(d.Revision))
	if d.Text != nil {
		w.Key("text").Str(*d.Text)
	}
}

func (t trashedJSON) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	t.draftJSON.writeMembers(w)
	w.Key("deleted").Str(t.Deleted)
	w.EndObject()
}

func (l listJSON) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	jsonList[draftJSON](l.Drafts).writeJSON(w.Key("drafts"))
	if l.Damaged != "" {
		w.Key("damaged").Str(l.Damaged)
	}
	w.EndObject()
}

func (s snapshotJSON) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	w.Key("id").Int(s.ID)
	w.Key("taken").Str(s.Taken)
	w.Key("title").Str(s.Title)
	w.Key("revision").Int(int64(s.Revision))
	w.Key("size").Int(int64(s.Size))
	if s.Text != nil {
		w.Key("text").Str(*s.Text)
	}
	w.EndObject()
}

func (a archiveJSON) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	w.Key("archive").Str(a.Archive)
	if a.Damaged != "" {
		w.Key("damaged").Str(a.Damaged)
	}
	w.EndObject()
}

func (t linkTarget) writeJSON(w *jsonw.Writer) {
	w.BeginObject()
	w.Key("target").Str(t.Target)
	w.Key("title").Str(t.Title)
	w.EndObject()
}
