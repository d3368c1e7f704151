//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Natively no file is ever chosen.
func readChosenFile(ctx app.Context, input app.Value, limit int64, done func(app.Context, chosenFile)) {
}
