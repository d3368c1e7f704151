//go:build !wasm

package ui

import (
	"errors"
	"io"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Natively no file is ever chosen or dropped.

var errFileRead = errors.New("files are read in a browser")

func newBlobReader(blob app.Value, done func(read, size int64)) io.Reader {
	return errReader{}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errFileRead }

func chosenBlob(v app.Value) app.Value { return nil }

// yieldToBrowser has no browser to yield to natively.
func yieldToBrowser() {}
