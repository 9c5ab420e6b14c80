//go:build js && wasm

package main

// A move is what one edit did to the positions after it, in UTF-16 units: a position before
// from stays, one after the deleted units moves by inserted-deleted, and one at the edit or
// inside it has no single place to go (the editor's own mapping may put it either side).
type move struct{ from, deleted, inserted int }

// pos returns where p went, or false for a position at the edit or inside it.
func (m move) pos(p int) (int, bool) {
	switch {
	case p < m.from:
		return p, true
	case p > m.from+m.deleted:
		return p + m.inserted - m.deleted, true
	}
	return 0, false
}

// movedOnly reports whether diags are before's diagnostics at the places m moved them to, the
// same in all that the page sees: the editor, which moves its copy of before through the edit
// itself, has nothing to show anew.
func movedOnly(before, diags []diagnostic, m move) bool {
	if len(before) != len(diags) {
		return false
	}
	for i := range diags {
		b, d := &before[i], &diags[i]
		if !m.moved(b.From, d.From) || !m.moved(b.To, d.To) ||
			b.Line != d.Line || b.Col != d.Col || b.EndLine != d.EndLine || b.EndCol != d.EndCol ||
			b.Severity != d.Severity || b.Code != d.Code || b.Message != d.Message ||
			len(b.Fixes) != len(d.Fixes) {
			return false
		}
		for j := range d.Fixes {
			bf, df := &b.Fixes[j], &d.Fixes[j]
			if bf.Title != df.Title || len(bf.Changes) != len(df.Changes) {
				return false
			}
			for k := range df.Changes {
				bc, dc := &bf.Changes[k], &df.Changes[k]
				if !m.moved(bc.From, dc.From) || !m.moved(bc.To, dc.To) || bc.Insert != dc.Insert {
					return false
				}
			}
		}
	}
	return true
}

// moved reports whether m took position p to q.
func (m move) moved(p, q int) bool {
	to, ok := m.pos(p)
	return ok && to == q
}
