//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/chromedp/chromedp"
)

// The layout a visitor gets on a phone and in an embed: how far the
// headline figures are from the field being typed into, how small the
// charts' text is, whether anything scrolls sideways, and how tall the
// embed is.

// layoutJS measures the page shown, in CSS pixels. For each field of the
// calculator's form it focuses the field as a tap does (the browser scrolls
// it into view) and takes the distance from the field to the nearest
// headline figure (the LTV, LTV:CAC) visible in the viewport, or, when
// none is, to the nearest one on the page, flagged as out of view.
const layoutJS = `(() => {
  const vw = innerWidth, vh = innerHeight;
  const figures = () => Array.from(document.querySelectorAll("[data-headline], #ltv, #ratio .result-figure")).filter((e) => e.getClientRects().length > 0);
  const fields = Array.from(document.querySelectorAll("form.calc input, form.calc select, form.calc textarea"))
    .filter((e) => e.getClientRects().length > 0 && e.offsetParent !== null);
  const out = { fields: [], minChartText: null, overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  for (const f of fields) {
    f.focus({ preventScroll: true });
    f.scrollIntoView({ block: "center" });
    const r = f.getBoundingClientRect();
    let best = null, inView = false;
    for (const g of figures()) {
      const s = g.getBoundingClientRect();
      const visible = s.bottom > 0 && s.top < vh && s.right > 0 && s.left < vw && s.height > 0;
      const d = s.top >= r.bottom ? s.top - r.bottom : r.top >= s.bottom ? r.top - s.bottom : 0;
      if (visible && (!inView || d < best)) { best = d; inView = true; }
      else if (!inView && (best === null || d < best)) { best = d; }
    }
    out.fields.push({ id: f.id, distance: best === null ? -1 : Math.round(best), inView });
    f.blur();
  }
  // The charts' text, their data tables left out: SVG text at the scale
  // it is drawn, HTML text at its size.
  for (const chart of document.querySelectorAll(".chart")) {
    const walk = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || el.closest(".chart-data, .visually-hidden, title, desc") || el.getClientRects().length === 0) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement && el.getScreenCTM()) { const m = el.getScreenCTM(); px *= Math.hypot(m.a, m.b); }
      if (out.minChartText === null || px < out.minChartText) out.minChartText = Math.round(px * 10) / 10;
    }
  }
  return JSON.stringify(out);
})()`

type layoutField struct {
	ID       string  `json:"id"`
	Distance float64 `json:"distance"`
	InView   bool    `json:"inView"`
}

type layoutResult struct {
	Fields       []layoutField `json:"fields"`
	MinChartText *float64      `json:"minChartText"`
	OverflowX    float64       `json:"overflowX"`
}

// measureLayout loads each calculator at 360 x 740 (and 1280 x 900 for the
// sideways scroll) in every language, and each embed at 360, 600 and 800 px.
func measureLayout(r *results, o options, chrome, siteURL string) {
	profile, err := profileDir(o.out, "layout")
	if err != nil {
		r.errorf("%v", err)
		return
	}
	defer os.RemoveAll(profile)
	var ctx context.Context
	closeAll := func() {}
	defer func() { closeAll() }()
	// A browser of its own for each page: newBrowser gives one 3 minutes.
	restart := func() error {
		closeAll()
		var err error
		ctx, closeAll, err = newBrowser(chrome, profile)
		return err
	}
	load := func(url string, w, h int64) (layoutResult, error) {
		var res layoutResult
		err := chromedp.Do(ctx,
			chromedp.EmulateViewport(w, h, chromedp.EmulateScale(2)),
			chromedp.Navigate(url),
			chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"] body`)),
			chromedp.Sleep(300*time.Millisecond), // the charts' later frame
		)
		if err != nil {
			return res, err
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](layoutJS))
		if err != nil {
			return res, err
		}
		return res, json.Unmarshal([]byte(s), &res)
	}
	group := "layout at 360 x 740"
	for _, page := range []struct{ name, path string }{
		{"purchases", "/?cac=120"}, {"subscription", "/subscription?"}, {"cohort", "/cohort?cac=150"},
	} {
		if err := restart(); err != nil {
			r.errorf("%v", err)
			return
		}
		res, err := load(siteURL+page.path+"&lang=en", 360, 740)
		if err != nil {
			r.errorf("layout %s: %v", page.name, err)
			return
		}
		worst, outOfView := 0.0, 0
		for _, f := range res.Fields {
			worst = max(worst, f.Distance)
			if !f.InView {
				outOfView++
			}
		}
		fmt.Fprintf(os.Stderr, "layout %s: %+v\n", page.name, res)
		r.add(figure{Group: group, Name: page.name + ": farthest field from a headline figure", Unit: "px", Value: worst,
			Note: fmt.Sprintf("%d of %d fields with no headline figure in view", outOfView, len(res.Fields))})
		if res.MinChartText != nil {
			r.add(figure{Group: group, Name: page.name + ": smallest chart text", Unit: "px", Value: *res.MinChartText,
				Budget: &budget{Limit: 11}})
		}
		for _, lang := range []string{"en", "fr", "ro", "th"} {
			for _, w := range []int64{360, 1280} {
				res, err := load(siteURL+page.path+"&lang="+lang, w, 740)
				if err != nil {
					r.errorf("layout %s %s: %v", page.name, lang, err)
					return
				}
				if res.OverflowX > 0 {
					r.add(figure{Group: group, Name: fmt.Sprintf("%s, %s, %d px wide: sideways scroll", page.name, lang, w),
						Unit: "px", Value: res.OverflowX, Budget: &budget{AtMost: true, Limit: 0}})
				}
			}
		}
	}
	if err := restart(); err != nil {
		r.errorf("%v", err)
		return
	}
	for _, model := range []string{"purchase", "subscription", "cohort"} {
		for _, w := range []int64{360, 600, 800} {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(w, 800, chromedp.EmulateScale(2)),
				chromedp.Navigate(siteURL+"/embed?lang=en&model="+model),
				chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"] body`)),
				chromedp.Sleep(300*time.Millisecond),
			)
			var h float64
			if err == nil {
				h, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`Math.ceil(document.documentElement.getBoundingClientRect().height)`))
			}
			if err != nil {
				r.errorf("embed %s at %d px: %v", model, w, err)
				return
			}
			r.add(figure{Group: "embed height", Name: fmt.Sprintf("%s at %d px wide", model, w), Unit: "px", Value: h})
		}
	}
}
