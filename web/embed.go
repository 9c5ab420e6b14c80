// Package web holds the built editor app, so that `casewright serve` carries it in the binary.
// The JavaScript shell's sources sit beside this file; `make build` writes the app to dist/.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist is the built app: index.html at its root.
func Dist() fs.FS {
	sub, _ := fs.Sub(dist, "dist")
	return sub
}
