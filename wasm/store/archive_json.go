//go:build js && wasm

package store

import (
	"fmt"
	"time"

	"casewright/wasm/internal/jsobj"
	"casewright/wasm/internal/jsonw"
)

// The archive as JSON. Archives are written byte for byte as encoding/json wrote them (HTML
// escaping off, so <, > and & stay readable in Markdown; a newline at the end), and read
// through the browser's JSON.parse.

// encode writes a as the one JSON document ExportArchive describes, "deleted" only for a draft
// in the trash.
func (a *archive) encode() ([]byte, error) {
	var w jsonw.Writer
	var err error
	writeTime := func(key string, t time.Time) {
		b, e := t.MarshalJSON()
		if e != nil && err == nil {
			err = e
		}
		w.Key(key).Raw(b)
	}
	w.BeginObject()
	w.Key("format").Str(a.Format)
	w.Key("version").Int(int64(a.Version))
	writeTime("exported", a.Exported)
	w.Key("drafts").BeginArray()
	for _, d := range a.Drafts {
		w.BeginObject()
		w.Key("id").Str(d.ID)
		w.Key("title").Str(d.Title)
		writeTime("created", d.Created)
		writeTime("updated", d.Updated)
		w.Key("completeness").Float(d.Completeness)
		w.Key("revision").Int(int64(d.Revision))
		if d.Deleted != nil {
			writeTime("deleted", *d.Deleted)
		}
		if d.Text != nil {
			w.Key("text").Str(*d.Text)
		} else {
			w.Key("text").Null()
		}
		w.Key("history")
		if d.History == nil {
			w.Null()
		} else {
			w.BeginArray()
			for _, h := range d.History {
				w.BeginObject()
				w.Key("id").Int(h.ID)
				writeTime("taken", h.Taken)
				w.Key("title").Str(h.Title)
				w.Key("revision").Int(int64(h.Revision))
				w.Key("text").Str(h.Text)
				w.EndObject()
			}
			w.EndArray()
		}
		w.EndObject()
	}
	w.EndArray()
	w.EndObject()
	if err != nil {
		return nil, err
	}
	return append(w.Bytes(), '\n'), nil
}

// decodeArchive parses an archive. Missing and null fields are zero, as encoding/json left
// them; a field of the wrong type makes the whole archive bad.
func decodeArchive(data []byte) (archive, error) {
	var a archive
	v, err := jsobj.Parse(string(data))
	if err != nil {
		return a, err
	}
	err = jsobj.Read(v, func(f *jsobj.Fields) {
		a.Format = f.String("format")
		a.Version = int(f.Int("version"))
		a.Exported, _ = readTime(f, "exported")
		a.Drafts = readEach(f, "drafts", "draft", (*archiveDraft).read)
	})
	return a, err
}

func (d *archiveDraft) read(f *jsobj.Fields) {
	d.ID, d.Title = f.String("id"), f.String("title")
	d.Created, _ = readTime(f, "created")
	d.Updated, _ = readTime(f, "updated")
	d.Completeness, d.Revision = f.Float("completeness"), int(f.Int("revision"))
	if t, ok := readTime(f, "deleted"); ok {
		d.Deleted = &t
	}
	d.Text = f.OptString("text")
	d.History = readEach(f, "history", "history", (*archiveSnapshot).read)
}

// readEach reads the array of objects at key with read; a missing or null array is nil and
// [] stays empty, as with encoding/json. A bad item fails f, named by what and its index.
func readEach[T any](f *jsobj.Fields, key, what string, read func(*T, *jsobj.Fields)) []T {
	items := f.Array(key)
	if items == nil {
		return nil
	}
	out := make([]T, 0, len(items))
	for i, v := range items {
		var item T
		if err := jsobj.Read(v, func(g *jsobj.Fields) { read(&item, g) }); err != nil {
			f.Fail(fmt.Errorf("%s %d: %w", what, i, err))
			return nil
		}
		out = append(out, item)
	}
	return out
}

func (h *archiveSnapshot) read(f *jsobj.Fields) {
	h.ID = f.Int("id")
	h.Taken, _ = readTime(f, "taken")
	h.Title, h.Revision, h.Text = f.String("title"), int(f.Int("revision")), f.String("text")
}

// readTime reads an RFC 3339 time, as time.Time's UnmarshalJSON does; ok is false when the
// field is missing or null.
func readTime(f *jsobj.Fields, key string) (t time.Time, ok bool) {
	s := f.OptString(key)
	if s == nil {
		return t, false
	}
	if err := t.UnmarshalText([]byte(*s)); err != nil {
		f.Fail(fmt.Errorf("%s: %w", key, err))
	}
	return t, true
}
