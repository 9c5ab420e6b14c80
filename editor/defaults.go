package editor

import (
	"sync"

	"casewright"
)

// DefaultTemplateSource returns the text of the built-in case-study template.
func DefaultTemplateSource() []byte { return casewright.DefaultTemplate }

var defaultTemplate = sync.OnceValue(func() *Template {
	t, err := ParseTemplate(DefaultTemplateSource())
	if err != nil {
		panic("editor: the built-in template does not parse: " + err.Error())
	}
	return t
})

// DefaultTemplate returns the rules of the built-in case-study template, read once.
func DefaultTemplate() *Template { return defaultTemplate() }
