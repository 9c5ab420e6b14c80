package main

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// contentSecurityPolicy lets the page run its own scripts and WebAssembly and nothing else:
// no inline script, no plugins, no <base> rewriting. Styles may be inline because CodeMirror
// and mermaid write style elements.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

// The web app manifest's type is not in every system's MIME table; browsers want it exact.
func init() { _ = mime.AddExtensionType(".webmanifest", "application/manifest+json") }

// encodings are the precompressed copies the build leaves beside each file, best first.
var encodings = []struct{ name, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// staticHandler serves the built app, sending the .br or .gz copy of a file when the browser
// accepts it.
type staticHandler struct {
	files fs.FS
}

func newStaticHandler(files fs.FS) http.Handler { return staticHandler{files: files} }

func (h staticHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	info, err := fs.Stat(h.files, name)
	if err != nil || info.IsDir() {
		http.NotFound(w, r)
		return
	}
	header := w.Header()
	if becomesDocumentOrWorker(name) {
		header.Set("Content-Security-Policy", contentSecurityPolicy)
		header.Set("Referrer-Policy", "no-referrer")
	}
	header.Set("X-Content-Type-Options", "nosniff")
	header.Add("Vary", "Accept-Encoding")
	if ctype := contentType(name); ctype != "" {
		header.Set("Content-Type", ctype)
	}
	// index.html names the other files, so it must never be stale; the rest revalidates cheaply.
	header.Set("Cache-Control", "no-cache")
	served := name
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range encodings {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		if _, err := fs.Stat(h.files, name+enc.suffix); err == nil {
			header.Set("Content-Encoding", enc.name)
			served = name + enc.suffix
			break
		}
	}
	http.ServeFileFS(w, r, h.files, served)
}

// serviceWorker is the one script that runs as a worker, which takes its policy from its own
// response.
const serviceWorker = "sw.js"

// subresources are the kinds of file that only ever load into a page (modules, styles, the
// core, the manifest). A page's policy, not theirs, governs them, so theirs would be bytes
// for nothing: about 300 per request, on every request of a cold start.
var subresources = map[string]bool{".js": true, ".css": true, ".wasm": true, ".webmanifest": true}

// becomesDocumentOrWorker reports whether the file named can be a page or a worker, where the
// policy and the referrer policy on its response apply: pages, images that open on their own
// (an SVG may hold script), the service worker, and any file of a kind not known here.
func becomesDocumentOrWorker(name string) bool {
	return name == serviceWorker || !subresources[path.Ext(name)]
}

// appTypes are the types of the app's own files, fixed here because the system's MIME tables
// vary (some call .js application/x-javascript; WebAssembly streaming needs application/wasm).
var appTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".wasm": "application/wasm",
}

func contentType(name string) string {
	if t, ok := appTypes[path.Ext(name)]; ok {
		return t
	}
	return mime.TypeByExtension(path.Ext(name))
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc (q=0 refuses it).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), enc) {
			return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") ||
				strings.Contains(params, "q=0.")
		}
	}
	return false
}
