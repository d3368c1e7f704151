//go:build wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// readChosenFile reads the file chosen in a file input and hands it to done
// on the UI goroutine. A file over limit bytes is not read: done gets its
// name and size and no data. The input is cleared, so that choosing the
// same file again reads it again.
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
			f.Data, f.Read = []byte(args[0].String()), true
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
	file.Call("text").Call("then", onText, onError)
}
