// Package headscript is the one inline script of the site's pages, and
// the Content-Security-Policy source that allows it and nothing else. It
// imports nothing of the project, so that the generator (package site),
// which puts it in every page's head, and the tests, which allow it, share
// the one text.
package headscript

import (
	"crypto/sha256"
	"encoding/base64"
)

// Script runs in the head of a prerendered page, before anything is
// painted. The page is prerendered in English with the default figures;
// when its URL asks for other figures, another calculator or another
// language (lang=, or the browser's language when lang= is not given), it
// marks the document <html data-pending="LANG" data-fill>: the stylesheet
// then shows no figure that is not the link's (the results wait for the app,
// in the link's language) and hides the fields until web/page.js has filled
// them from the URL. The app clears both marks when it runs. It stays out
// of the way where the app never runs: ?wasm=false, and robots, as go-app's
// app.js decides. For a page in another language it preloads that
// language's translations, which the app fetches before its first render
// (found beside the manifest, under the site's base path).
const Script = `(function(){var d=document.documentElement,q=new URLSearchParams(location.search),k=["en","fr","ro","th"],l=q.get("lang"),p=false;` +
	`if(q.get("wasm")==="false"||/bot|googlebot|crawler|spider|robot|crawling/i.test(navigator.userAgent))return;` +
	`if(k.indexOf(l)<0){l="en";for(var n=navigator.languages||[],i=0;i<n.length;i++){var c=String(n[i]).slice(0,2);if(k.indexOf(c)>=0){l=c;break}}}` +
	`q.forEach(function(v,key){if(key!=="lang"&&!(key==="cur"&&v==="USD")&&!(key==="model"&&v==="purchase"))p=true});` +
	`if(p||l!=="en"){d.setAttribute("data-pending",l);d.setAttribute("data-fill","")}` +
	`var m=document.querySelector('link[rel="manifest"]');if(m&&l!=="en"){var c=document.createElement("link");c.rel="preload";c.as="fetch";` +
	`c.crossOrigin="anonymous";c.href=m.href.replace(/manifest\.webmanifest$/,"")+"i18n/"+l+".json";document.head.appendChild(c)}})();`

// Source is the Content-Security-Policy source that allows Script:
// 'sha256-...'.
func Source() string {
	sum := sha256.Sum256([]byte(Script))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
