//go:build js && wasm

package main

import (
	"syscall/js"

	"casewright/editor"
	"casewright/render"
)

// core is what the page reaches as globalThis.casewrightCore.
type core struct {
	tpl func() *editor.Template // the built-in template, parsed when first needed
	r   *render.Renderer
}

func newCore(tpl func() *editor.Template, r *render.Renderer) *core {
	return &core{tpl: tpl, r: r}
}

func (c *core) exports() js.Value {
	return js.ValueOf(map[string]any{
		"validate": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return jsonString(editorDiagnostics(c.tpl().Check([]byte(args[0].String())).Diagnostics))
		}),
		"render": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return c.r.HTML([]byte(args[0].String()))
		}),
		"mount": js.FuncOf(func(_ js.Value, args []js.Value) any {
			opts := args[0]
			return promise(func() (any, error) {
				s, err := mountSession(c, opts)
				if err != nil {
					return nil, err
				}
				return s.exports(), nil
			})
		}),
	})
}
