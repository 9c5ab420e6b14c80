package editor

import "casewright"

// DefaultTemplateSource returns the text of the built-in case-study template.
func DefaultTemplateSource() []byte { return casewright.DefaultTemplate }
