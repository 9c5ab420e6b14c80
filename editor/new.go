package editor

import "bytes"

// New returns a fresh draft made from the template: the template itself, placeholders and
// instructions in place, without the validator's own front-matter settings.
func (t *Template) New() []byte { return bytes.Clone(t.source) }
