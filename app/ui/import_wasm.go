//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// readChosenFile reads the file chosen in a file input and hands it to done
// on the UI goroutine. A file over limit bytes is not read: done gets its
// name and size and no data. The input is cleared, so that choosing the
// same file again reads it again. The file is read as bytes, as written:
// File.text() would make each byte that is not UTF-8 three bytes of
// U+FFFD, and drop a byte order mark.
func readChosenFile(ctx app.Context, input app.Value, limit int64, done func(app.Context, chosenFile)) {
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	f := chosenFile{Name: file.Get("name").String(), Size: int64(file.Get("size").Int())}
	input.Set("value", "")
	if f.Size > limit {
		done(ctx, f)
		return
	}
	var onText, onError app.Func
	release := func() {
		onText.Release()
		onError.Release()
	}
	onText = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 {
			bytes := app.Window().Get("Uint8Array").New(args[0])
			f.Data = make([]byte, bytes.Length())
			app.CopyBytesToGo(f.Data, bytes)
			f.Read = true
		}
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, f) })
		return nil
	})
	onError = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, f) })
		return nil
	})
	file.Call("arrayBuffer").Call("then", onText, onError)
}
