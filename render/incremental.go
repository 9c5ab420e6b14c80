package render

import (
	"bufio"
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// A Patch turns the previous list of blocks into the new one: remove Delete blocks at
// index Start, then insert Insert there.
//
// Blocks after the replaced range are not re-sent when only their line numbers changed
// (lines were inserted or removed above them): every one of them moves by Shift lines,
// so the page adds Shift to their data-line attribute and Block.Line. That costs one
// attribute per block instead of re-rendering and re-sending the rest of the document
// on every Enter key. Document.Blocks always holds the up-to-date blocks.
type Patch struct {
	Start  int
	Delete int
	Insert []Block
	Shift  int
}

// Empty reports a patch that changes nothing.
func (p Patch) Empty() bool { return p.Delete == 0 && len(p.Insert) == 0 && p.Shift == 0 }

// Document keeps the rendered blocks of one draft between edits so that an edit re-parses,
// re-renders and re-sends only what changed.
//
// The source is cut into chunks of top-level blocks (see splitChunks); each chunk is parsed
// on its own and cached by its text. What a chunk's HTML takes from the rest of the
// document is tracked and re-checked on every update: link reference definitions (the
// labels it looked up), abbreviations, heading ids made unique across the document, and
// the numbering of tab sets. Footnotes are numbered by their references across the whole
// document, so a draft that uses footnotes is rendered whole on each update (correct,
// slower; case studies rarely have them).
type Document struct {
	r      *Renderer
	blocks []docBlock
	chunks []*chunk
	pool   map[string]*chunk // the current chunks by text, those with the same text chained by sameText
	gen    int               // update count, to take each pooled chunk once
	// globals counts the changes of the document-wide definitions (references,
	// abbreviations): a chunk parsed or checked with the current ones is consistent.
	globals int
	spans   []chunkSpan
	src     []byte    // the source of the last update, which the trees' positions index
	lines   LineIndex // src's line starts, brought up to date with each edit
	whole   ast.Node  // the tree of a document rendered whole, nil when chunked
	// footnotes is set when the source holds "[^": the document is then rendered whole.
	footnotes bool
	// numbered are the chunks with headings or tab sets, in order, when they were last
	// numbered: the same chunks keep the same ids and tab numbers.
	numbered []*chunk
	// nodes are the top-level blocks of the last update, once asked for (Nodes): the same
	// layout as blocks while chunked, updated with it.
	nodes []ast.Node

	refs     map[string]parser.Reference
	refOwner []*chunk // chunks that define references, in order, for refs
	abbrs    *abbrSet
	abbrSig  string
	ids      *IDs

	// Storage kept between updates, so that a keystroke allocates little.
	spare         []chunkSpan // the spans before the last
	spareLines    []int       // the line starts before the last
	spareChunks   []*chunk    // the chunks before the last
	spareNumbered []*chunk
	scratch       positions     // for placing a new chunk's tree (move)
	midBlocks     []docBlock    // the blocks an update renders
	midNodes      []ast.Node    // and their nodes
	html          bytes.Buffer  // a block's HTML, written through out
	out           *bufio.Writer // what goldmark would make at every call otherwise
}

// A docBlock is a block of the current document without its wrapper.
type docBlock struct {
	line   int
	source string
	inner  string
}

// A chunk is the parse and render cache of one chunk's text.
type chunk struct {
	key      string // the chunk's text
	src      []byte
	sameText *chunk
	pooled   bool
	gen      int // the update that took it last
	globals  int // the document-wide definitions it is known to be consistent with
	// doc is the chunk's tree, its positions at offset base of the document: chunks keep
	// their place in the document's source between updates, so that the validator reads them
	// where they are and only the chunks that moved are shifted.
	doc  ast.Node
	base int
	pos  *positions // doc's positions, kept from its second move on
	// placed is set once doc moved from where it was parsed (offset 0) to its place.
	placed bool
	refs   []parser.Reference // definitions, in order
	seen   map[string]refSeen // labels looked up and what was found
	abbr   []abbrDef
	// abbrSig is the document's abbreviation set the chunk was parsed with.
	abbrSig  string
	headings *headingIDs
	tabs     *tabSets

	ids     []string // heading ids the blocks were rendered with
	tabBase int      // tab sets before this chunk when rendered
	blocks  []chunkBlock
	stale   bool // blocks need rendering
}

type chunkBlock struct {
	lineOff int
	source  string
	inner   string
}

type refSeen struct {
	found       bool
	dest, title string
}

// NewDocument returns an empty Document rendering with r.
func NewDocument(r *Renderer) *Document {
	return &Document{r: r, pool: map[string]*chunk{}, ids: NewIDs()}
}

// Source returns the source of the last update.
func (d *Document) Source() []byte { return d.src }

// Lines returns the line index of the last update's source. Like Nodes, it is valid until the
// next update, which brings it up to date in place.
func (d *Document) Lines() LineIndex { return d.lines }

// Blocks returns the current blocks.
func (d *Document) Blocks() []Block {
	out := make([]Block, len(d.blocks))
	for i, b := range d.blocks {
		out[i] = Block{Line: b.line, Source: b.source, HTML: wrapBlock(b.line, b.inner)}
	}
	return out
}

// Len returns the number of current blocks.
func (d *Document) Len() int { return len(d.blocks) }

// Line returns the source line, 1-based, on which current block i begins.
func (d *Document) Line(i int) int { return d.blocks[i].line }

// Update renders src and returns the patch from the previous blocks to the new ones.
// The Document keeps src, for Nodes: the caller must not change it afterwards.
func (d *Document) Update(src []byte) Patch {
	e := newEdit(d.src, src)
	d.src = src
	d.lines, d.spareLines = d.lines.updated(e, d.spareLines), d.lines.starts
	d.footnotes = mayHaveFootnotes(e, d.footnotes)
	if !d.footnotes {
		return d.renderChunks(e)
	}
	next := d.renderWhole(src)
	p := diffBlocks(d.blocks, next, 0, false)
	d.blocks = next
	return p
}

// renderWhole renders src in one parse, for documents with footnotes.
func (d *Document) renderWhole(src []byte) []docBlock {
	d.nodes = nil
	d.chunks, d.refOwner = nil, nil
	clear(d.pool)
	doc := d.r.Parse(src)
	d.whole = doc
	var buf bytes.Buffer
	var out []docBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		start, end := Span(n, src)
		buf.Reset()
		_ = d.r.RenderNode(&buf, src, n)
		out = append(out, docBlock{line: d.lines.Line(start), source: string(src[start:end]), inner: buf.String()})
	}
	return out
}

// mayHaveFootnotes reports whether e.src holds "[^", what a footnote starts with, knowing
// whether e.prev did: only the bytes around the edit are searched when it did not.
func mayHaveFootnotes(e edit, before bool) bool {
	marker := []byte("[^")
	if before || e.prev == nil {
		return bytes.Contains(e.src, marker)
	}
	around := e.src[max(e.pre-1, 0):min(len(e.src)-e.suf+1, len(e.src))]
	return bytes.Contains(around, marker)
}

// renderChunks renders e.src.
func (d *Document) renderChunks(e edit) Patch {
	src := e.src
	d.whole = nil
	d.gen++
	prev := d.chunks
	head, tail := 0, 0
	spans := d.spare
	if prev == nil {
		spans = splitChunks(src, spans)
	} else {
		spans, head, tail, _ = resplit(e, d.spans, spans)
	}
	lineShift := 0 // of the kept chunks at the tail
	if tail > 0 {
		lineShift = spans[len(spans)-1].line - d.spans[len(d.spans)-1].line
	}
	d.spare, d.spans = d.spans, spans
	chunks := d.matchChunks(src, head, tail)
	d.chunks = chunks

	// The document-wide definitions change only with the chunks that hold some.
	if prev == nil || anyDefines(prev[head:len(prev)-tail]) || anyDefines(chunks[head:len(chunks)-tail]) {
		d.updateGlobals()
	}
	var replaced []*chunk
	for i, c := range chunks {
		if c.globals == d.globals {
			continue
		}
		if !d.consistent(c) {
			c.gen = 0 // no longer in the document
			replaced = append(replaced, c)
			chunks[i] = d.parseChunk(c.key)
			chunks[i].gen = d.gen
		}
		chunks[i].globals = d.globals
	}
	// The chunks with headings or tab sets stay the same, in the same order, unless the
	// edit replaced one, or one was parsed again.
	renumber := prev == nil || anyNumbered(replaced) ||
		!sameNumbered(prev[head:len(prev)-tail], chunks[head:len(chunks)-tail])
	d.updatePool(prev, replaced)
	clear(prev)
	d.spareChunks = prev
	if renumber {
		d.numberChunks()
	}

	if prev == nil {
		d.nodes = nil
		next := make([]docBlock, 0, len(d.blocks)+4)
		for i, c := range chunks {
			d.place(c, i)
			next = d.appendBlocks(next, c, i)
		}
		p := diffBlocks(d.blocks, next, 0, false)
		d.blocks = next
		return p
	}
	// Only the chunks from the first to the last that is new or rendered again can have
	// other blocks: the rest are the previous blocks, those after moved by the same lines.
	lo, hi := head, len(chunks)-tail
	for i, c := range chunks {
		if d.place(c, i) {
			lo, hi = min(lo, i), max(hi, i+1)
		}
	}
	blockLo, blockTail := 0, 0
	for _, c := range chunks[:lo] {
		blockLo += len(c.blocks)
	}
	for _, c := range chunks[hi:] {
		blockTail += len(c.blocks)
	}
	mid := d.midBlocks[:0]
	for i, c := range chunks[lo:hi] {
		mid = d.appendBlocks(mid, c, lo+i)
	}
	d.midBlocks = mid
	p := diffBlocks(d.blocks[blockLo:len(d.blocks)-blockTail], mid, lineShift, blockTail > 0)
	p.Start += blockLo
	d.blocks = slices.Replace(d.blocks, blockLo, len(d.blocks)-blockTail, mid...)
	if lineShift != 0 {
		for i := len(d.blocks) - blockTail; i < len(d.blocks); i++ {
			d.blocks[i].line += lineShift
		}
	}
	clear(mid) // the strings now live in d.blocks only
	if d.nodes != nil {
		d.replaceNodes(chunks[lo:hi], blockLo, len(d.nodes)-blockTail)
	}
	return p
}

// replaceNodes puts the top-level nodes of chunks in place of d.nodes[from:to].
func (d *Document) replaceNodes(chunks []*chunk, from, to int) {
	mid := d.midNodes[:0]
	for _, c := range chunks {
		for n := c.doc.FirstChild(); n != nil; n = n.NextSibling() {
			mid = append(mid, n)
		}
	}
	d.nodes = slices.Replace(d.nodes, from, to, mid...)
	clear(mid)
	d.midNodes = mid
}

// place moves chunk i's tree to its place in the source and renders it if it must be:
// it reports whether it rendered it.
func (d *Document) place(c *chunk, i int) bool {
	if start := d.spans[i].start; c.base != start {
		d.move(c, start)
	}
	if !c.stale {
		return false
	}
	d.renderChunk(c)
	return true
}

// appendBlocks appends the blocks of chunk i.
func (d *Document) appendBlocks(out []docBlock, c *chunk, i int) []docBlock {
	line := d.spans[i].line
	for _, b := range c.blocks {
		out = append(out, docBlock{line: line + b.lineOff, source: b.source, inner: b.inner})
	}
	return out
}

// move shifts c's tree to offset start of the document. A new chunk is first placed with
// positions gathered in scratch storage: most are the chunk being typed in, replaced at the
// next keystroke; a chunk that moves again keeps its positions for the moves to come.
func (d *Document) move(c *chunk, start int) {
	p := c.pos
	if p == nil {
		if !c.placed {
			p = &d.scratch
			p.reset()
		} else {
			p = &positions{}
			c.pos = p
		}
		p.collect(c.doc, c.base)
	}
	p.shift(start-c.base, start)
	c.base, c.placed = start, true
}

// matchChunks finds the chunk of each span of src: the previous update's chunks for the
// head and tail spans that resplit kept (an edit leaves all but a few as they were), else
// one from the pool with the same text, else a new parse.
func (d *Document) matchChunks(src []byte, head, tail int) []*chunk {
	prev, spans := d.chunks, d.spans
	text := func(i int) []byte { return src[spans[i].start:spans[i].end] }
	chunks := slices.Grow(d.spareChunks[:0], len(spans))[:len(spans)]
	copy(chunks, prev[:head])
	copy(chunks[len(spans)-tail:], prev[len(prev)-tail:])
	for _, c := range chunks[:head] {
		c.gen = d.gen
	}
	for _, c := range chunks[len(spans)-tail:] {
		c.gen = d.gen
	}
	for i := head; i < len(spans)-tail; i++ {
		c := d.pool[string(text(i))]
		for c != nil && c.gen == d.gen {
			c = c.sameText
		}
		if c == nil {
			c = d.parseChunk(string(text(i)))
		}
		c.gen = d.gen
		chunks[i] = c
	}
	return chunks
}

// updatePool keeps exactly the current chunks in the pool for the next update: those of
// prev and replaced that this update did not take leave it, the new ones join it.
func (d *Document) updatePool(prev, replaced []*chunk) {
	for _, list := range [][]*chunk{prev, replaced} {
		for _, c := range list {
			if c.pooled && c.gen != d.gen {
				d.unpool(c)
			}
		}
	}
	for _, c := range d.chunks {
		if !c.pooled {
			c.sameText, c.pooled = d.pool[c.key], true
			d.pool[c.key] = c
		}
	}
}

func (d *Document) unpool(c *chunk) {
	if first := d.pool[c.key]; first == c {
		if c.sameText == nil {
			delete(d.pool, c.key)
		} else {
			d.pool[c.key] = c.sameText
		}
	} else {
		for p := first; p != nil; p = p.sameText {
			if p.sameText == c {
				p.sameText = c.sameText
				break
			}
		}
	}
	c.sameText, c.pooled = nil, false
}

// chunkContext is the parse context of one chunk: references and abbreviations come from
// the whole document, and what the chunk defines and looks up is recorded.
type chunkContext struct {
	parser.Context
	global  map[string]parser.Reference
	defined []parser.Reference
	seen    map[string]refSeen
}

func (c *chunkContext) AddReference(r parser.Reference) {
	c.defined = append(c.defined, r)
	c.Context.AddReference(r)
}

func (c *chunkContext) Reference(label string) (parser.Reference, bool) {
	r, ok := c.global[label]
	if !ok {
		r, ok = c.Context.Reference(label)
	}
	if c.seen == nil {
		c.seen = map[string]refSeen{}
	}
	c.seen[label] = seenOf(r, ok)
	return r, ok
}

func seenOf(r parser.Reference, ok bool) refSeen {
	if !ok {
		return refSeen{}
	}
	return refSeen{found: true, dest: string(r.Destination()), title: string(r.Title())}
}

func (d *Document) parseChunk(key string) *chunk {
	src := []byte(key)
	pc := &chunkContext{Context: parser.NewContext(), global: d.refs}
	pc.Set(chunkModeKey, true)
	abbrs := &abbrSet{defs: map[string]string{}, frozen: true}
	if d.abbrs != nil {
		abbrs.defs = d.abbrs.defs
	}
	pc.Set(abbrKey, abbrs)
	doc := d.r.parse(src, pc)
	c := &chunk{key: key, src: src, doc: doc, refs: pc.defined, seen: pc.seen, abbr: abbrs.local, abbrSig: d.abbrSig, globals: d.globals, stale: true}
	c.headings, _ = pc.Get(headingIDsKey).(*headingIDs)
	c.tabs, _ = pc.Get(tabSetsKey).(*tabSets)
	return c
}

// anyDefines reports whether one of chunks defines references or abbreviations.
func anyDefines(chunks []*chunk) bool {
	for _, c := range chunks {
		if len(c.refs) > 0 || len(c.abbr) > 0 {
			return true
		}
	}
	return false
}

// updateGlobals gathers the document-wide definitions from the chunks: the first
// definition of a reference label wins (CommonMark), the last of an abbreviation
// (Python-Markdown's abbr).
func (d *Document) updateGlobals() {
	var owners []*chunk
	var abbrDefs []abbrDef
	for _, c := range d.chunks {
		if len(c.refs) > 0 {
			owners = append(owners, c)
		}
		abbrDefs = append(abbrDefs, c.abbr...)
	}
	if !sameChunks(owners, d.refOwner) || d.refs == nil {
		refs := map[string]parser.Reference{}
		for _, c := range owners {
			for _, r := range c.refs {
				key := util.ToLinkReference(r.Label())
				if _, dup := refs[key]; !dup {
					refs[key] = r
				}
			}
		}
		d.refs, d.refOwner = refs, owners
		d.globals++
	}
	set := &abbrSet{defs: map[string]string{}}
	for _, a := range abbrDefs {
		set.defs[a.abbr] = a.title
	}
	sig := abbrSignature(set.defs)
	if sig != d.abbrSig {
		d.globals++
	}
	d.abbrs, d.abbrSig = set, sig
}

func sameChunks(a, b []*chunk) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func abbrSignature(defs map[string]string) string {
	if len(defs) == 0 {
		return ""
	}
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] }) // sort.Strings would link a generic sort of its own
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "\x00" + defs[k] + "\x00")
	}
	return b.String()
}

// consistent reports whether c was parsed with the document-wide definitions it uses now.
func (d *Document) consistent(c *chunk) bool {
	if c.abbrSig != d.abbrSig {
		return false
	}
	for label, was := range c.seen {
		r, ok := d.refs[label]
		if seenOf(r, ok) != was {
			return false
		}
	}
	return true
}

// numbered reports whether c has headings or tab sets, which numberChunks numbers.
func (c *chunk) numbered() bool {
	return c.headings != nil && (len(c.headings.auto) > 0 || len(c.headings.explicit) > 0) || c.tabs != nil && len(c.tabs.sets) > 0
}

// sameNumbered reports whether a and b hold the same numbered chunks in the same order.
func sameNumbered(a, b []*chunk) bool {
	i, j := 0, 0
	for {
		for i < len(a) && !a[i].numbered() {
			i++
		}
		for j < len(b) && !b[j].numbered() {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

func anyNumbered(chunks []*chunk) bool {
	for _, c := range chunks {
		if c.numbered() {
			return true
		}
	}
	return false
}

// numberChunks gives headings their document-wide ids and tab sets their numbers, and
// marks the chunks whose numbers changed.
func (d *Document) numberChunks() {
	numbered := d.spareNumbered[:0]
	for _, c := range d.chunks {
		if c.numbered() {
			numbered = append(numbered, c)
		}
	}
	if sameChunks(numbered, d.numbered) {
		return // the same headings and tab sets in the same order: the same numbers
	}
	clear(d.numbered)
	d.spareNumbered, d.numbered = d.numbered, numbered
	ids := d.ids
	clear(ids.used)
	for _, c := range d.chunks {
		if c.headings != nil {
			for _, id := range c.headings.explicit {
				ids.used[id] = true
			}
		}
	}
	tabs := 0
	for _, c := range d.chunks {
		if c.headings != nil && len(c.headings.auto) > 0 {
			if len(c.ids) != len(c.headings.auto) {
				c.ids = make([]string, len(c.headings.auto))
				c.stale = true
			}
			for i, h := range c.headings.auto {
				id := ids.Unique(h.slug)
				if id != c.ids[i] {
					c.ids[i] = id
					h.node.SetAttributeString("id", []byte(id))
					c.stale = true
				}
			}
		}
		if c.tabs != nil && len(c.tabs.sets) > 0 {
			if c.tabBase != tabs {
				c.stale = true
			}
			c.tabBase = tabs
			numberTabSets(tabs, c.tabs)
			tabs += len(c.tabs.sets)
		}
	}
}

// renderChunk renders c's blocks from the document's source, where c's tree points.
func (d *Document) renderChunk(c *chunk) {
	if d.out == nil {
		d.out = bufio.NewWriter(&d.html)
	}
	c.blocks = c.blocks[:0]
	line, lineAt := 0, 0 // lines of c.src before lineAt
	for n := c.doc.FirstChild(); n != nil; n = n.NextSibling() {
		start, end := Span(n, d.src)
		d.html.Reset()
		_ = d.r.md.Renderer().Render(d.out, d.src, n)
		lineOff := 0
		if off := start - c.base; off >= lineAt && off <= len(c.src) {
			line += bytes.Count(c.src[lineAt:off], []byte{'\n'})
			lineAt, lineOff = off, line
		} else { // a block without a place of its own
			lineOff = NewLineIndex(c.src).Line(off) - 1
		}
		c.blocks = append(c.blocks, chunkBlock{lineOff: lineOff, source: string(d.src[start:end]), inner: d.html.String()})
	}
	c.stale = false
}

// diffBlocks finds the patch from prev to next: the common head, and the common tail of
// blocks that are equal up to one shift of lines. When prev and next are followed by blocks
// known to be equal up to a shift of lines (hasTail), the tail takes that shift.
func diffBlocks(prev, next []docBlock, tailShift int, hasTail bool) Patch {
	head := 0
	for head < len(prev) && head < len(next) && prev[head] == next[head] {
		head++
	}
	shift := 0
	if hasTail {
		shift = tailShift
	} else if len(prev) > head && len(next) > head {
		shift = next[len(next)-1].line - prev[len(prev)-1].line
	}
	tail := 0
	for tail < len(prev)-head && tail < len(next)-head {
		p, n := prev[len(prev)-1-tail], next[len(next)-1-tail]
		if p.source != n.source || p.inner != n.inner || n.line-p.line != shift {
			break
		}
		tail++
	}
	if tail == 0 && !hasTail {
		shift = 0
	}
	ins := make([]Block, 0, len(next)-head-tail)
	for _, b := range next[head : len(next)-tail] {
		ins = append(ins, Block{Line: b.line, Source: b.source, HTML: wrapBlock(b.line, b.inner)})
	}
	return Patch{Start: head, Delete: len(prev) - head - tail, Insert: ins, Shift: shift}
}
