package render

// A Patch turns the previous list of blocks into the new one: remove Delete blocks at
// index Start, then insert Insert there.
type Patch struct {
	Start  int
	Delete int
	Insert []Block
}

// Document keeps the rendered blocks of one draft between edits so that an edit re-renders
// and re-sends only what changed.
type Document struct {
	r      *Renderer
	blocks []Block
}

// NewDocument returns an empty Document rendering with r.
func NewDocument(r *Renderer) *Document { return &Document{r: r} }

// Blocks returns the current blocks.
func (d *Document) Blocks() []Block { return d.blocks }

// Update renders src and returns the patch from the previous blocks to the new ones.
func (d *Document) Update(src []byte) Patch {
	next := d.r.Blocks(src)
	prev := d.blocks
	d.blocks = next
	head := 0
	for head < len(prev) && head < len(next) && prev[head].HTML == next[head].HTML {
		head++
	}
	tail := 0
	for tail < len(prev)-head && tail < len(next)-head &&
		prev[len(prev)-1-tail].HTML == next[len(next)-1-tail].HTML {
		tail++
	}
	return Patch{Start: head, Delete: len(prev) - head - tail, Insert: next[head : len(next)-tail]}
}
