//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app calls OnAppUpdate only on components that implement AppUpdater.
var (
	_ app.AppUpdater = (*updateNotice)(nil)
	_ app.Mounter    = (*updateNotice)(nil)
)

func TestUpdateNotice(t *testing.T) {
	tests := []struct {
		available bool
		want      []string
		wantNot   []string
	}{
		{false, []string{`id="update-notice"`, `role="status"`}, []string{"update-reload", "new version"}},
		{true, []string{`id="update-notice"`, `role="status"`, "A new version of LTV Lab is available.", `id="update-reload"`, `type="button"`, ">Reload</button>"}, nil},
	}
	for _, tt := range tests {
		n := &updateNotice{available: tt.available}
		e := app.NewTestEngine()
		if err := e.Load(n); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		html := app.HTMLString(n)
		for _, want := range tt.want {
			if !strings.Contains(html, want) {
				t.Errorf("available=%v: notice lacks %q in %s", tt.available, want, html)
			}
		}
		for _, bad := range tt.wantNot {
			if strings.Contains(html, bad) {
				t.Errorf("available=%v: notice shows %q in %s", tt.available, bad, html)
			}
		}
	}
}
