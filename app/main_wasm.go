// The browser entry: app.wasm links this file, the UI and calc, and none of
// the command's files (build tag !wasm), so neither the site's generator
// nor the server is in it.

package main

import "ltvlab/app/ui"

func main() { ui.Main() }
