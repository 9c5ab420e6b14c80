package editor

// Codes lists every diagnostic code the validator gives, in the order of validation.md.
var Codes = []string{
	"title", "missing-section", "heading-mismatch", "section-order", "empty-section",
	"template-text", "table-columns", "table-empty", "missing-row", "placeholder",
	"value-shape", "value-choice", "link-required", "missing-block", "diagram-type",
	"block-syntax", "missing-item", "broken-link",
}
