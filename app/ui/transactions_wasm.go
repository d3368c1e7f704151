//go:build wasm

package ui

import (
	"errors"
	"io"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fileChunk is the most bytes read from a file at a time: each chunk is
// one promise of the browser's, so reading a large file gives the main
// thread back between chunks, and only a chunk is ever copied into Go.
const fileChunk = 512 << 10

// errFileRead is the error of a file the browser could not read.
var errFileRead = errors.New("the browser could not read the file")

// blobReader streams a File (a Blob) of the page, chunk by chunk, through
// Blob.slice().arrayBuffer(). Read blocks its goroutine, never the UI's,
// while the browser reads. done reports the bytes read so far.
type blobReader struct {
	blob      app.Value
	off, size int64
	buf       []byte
	done      func(read, size int64)
}

func newBlobReader(blob app.Value, done func(read, size int64)) io.Reader {
	return &blobReader{blob: blob, size: int64(blob.Get("size").Int()), done: done}
}

func (r *blobReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		if r.off >= r.size {
			return 0, io.EOF
		}
		end := min(r.off+fileChunk, r.size)
		type result struct {
			b   []byte
			err error
		}
		ch := make(chan result, 1)
		var ok, fail app.Func
		ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
			arr := app.Window().Get("Uint8Array").New(args[0])
			b := make([]byte, arr.Length())
			app.CopyBytesToGo(b, arr)
			ch <- result{b: b}
			return nil
		})
		fail = app.FuncOf(func(app.Value, []app.Value) any {
			ch <- result{err: errFileRead}
			return nil
		})
		r.blob.Call("slice", r.off, end).Call("arrayBuffer").Call("then", ok, fail)
		res := <-ch
		ok.Release()
		fail.Release()
		if res.err != nil {
			return 0, res.err
		}
		r.buf, r.off = res.b, end
		if r.done != nil {
			r.done(r.off, r.size)
		}
		if len(r.buf) == 0 {
			return 0, io.EOF
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// chosenBlob is the file chosen in a file input, or dropped (a drop
// event's dataTransfer), or nil.
func chosenBlob(v app.Value) app.Value {
	files := v.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return nil
	}
	return files.Index(0)
}
