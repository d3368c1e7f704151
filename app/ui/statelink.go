package ui

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"net/url"
	"sort"
	"strings"
)

// The page's state (every input, the language and the currency) is in its
// address, so that a reload, a bookmark and a shared link show the same
// figures. Servers and CDNs refuse long request targets (LTV Lab's own
// server answers 414 beyond 8 KiB, and 431 beyond 16 KiB of request line
// and headers), and a pasted table can be hundreds of kilobytes. So:
//
//   - a state whose path and query fit in maxQueryTarget bytes is a plain
//     query, readable and editable: /subscription?arpa=100&...;
//   - a longer one goes into the fragment, which the browser never sends:
//     /cohort?lang=en&cur=USD#s1=DATA, DATA the query packed by packState
//     (about two thirds of the length of the figures) in base64url;
//   - a link over maxShareLink is not offered: the Share dialog says that
//     the data are too large for a link and offers the scenario file;
//   - the page's own address carries the fragment up to maxPageURL; a state
//     longer than that is kept for reloads in the tab's sessionStorage, the
//     address then ending in #s1=~ (statestore_wasm.go).

const (
	// maxQueryTarget is the longest path and query of a plain link: under
	// the 2,083 characters of the most limited browsers and far under what
	// servers and CDNs take (8 KiB).
	maxQueryTarget = 2000
	// maxShareLink is the longest link offered to share or embed: what
	// Chromium's address bar takes (32,768 characters; a pasted link of
	// more is cut there), and about what chat apps and e-mail carry whole.
	maxShareLink = 32_000
	// maxPageURL is the longest address the page gives itself with
	// history.replaceState; every current browser keeps more.
	maxPageURL = 256 << 10
)

// stateParam starts the fragment of a packed state; the version of the
// packing is its number. sessionMark, in place of the data, says that the
// state is in sessionStorage.
const (
	stateParam  = "s1="
	sessionMark = "~"
)

// errBadState: a fragment whose state cannot be read, e.g. a link cut short
// by the program it was sent with.
var errBadState = errors.New("the state in the link cannot be read")

// The packing. The figures of a table are digits, points, commas, tabs,
// spaces and line breaks: each is 4 bits; any other byte takes 12 (an
// escape and the byte). A checksum (FNV-1a, 32 bits) of the text comes
// first, so that a cut or changed link is told apart from a short state.
const nibbles = "0123456789.,\t\n "

const escape = 15

// stateText is the state as the packed text: "key=value" pairs joined by
// "&", sorted by key, with "%", "&" and "=" written %25, %26 and %3D.
func stateText(q url.Values) string {
	esc := func(b *strings.Builder, s string) {
		for i := 0; i < len(s); i++ {
			switch c := s[i]; c {
			case '%':
				b.WriteString("%25")
			case '&':
				b.WriteString("%26")
			case '=':
				b.WriteString("%3D")
			default:
				b.WriteByte(c)
			}
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			esc(&b, k)
			b.WriteByte('=')
			esc(&b, v)
		}
	}
	return b.String()
}

// packState packs a state for the fragment: base64url, without padding.
func packState(q url.Values) string {
	text := stateText(q)
	out := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(text)/2+8), fnv32a(text))
	half, odd := byte(0), false
	put := func(n byte) {
		if odd {
			out = append(out, half<<4|n)
		} else {
			half = n
		}
		odd = !odd
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if n := strings.IndexByte(nibbles, c); n >= 0 {
			put(byte(n))
		} else {
			put(escape)
			put(c >> 4)
			put(c & 15)
		}
	}
	if odd {
		put(escape) // an escape with no byte after it ends the text
	}
	return base64.RawURLEncoding.EncodeToString(out)
}

// unpackState reads what packState wrote.
func unpackState(data string) (url.Values, error) {
	b, err := base64.RawURLEncoding.DecodeString(data)
	if err != nil || len(b) < 4 {
		return nil, errBadState
	}
	sum, b := binary.BigEndian.Uint32(b), b[4:]
	text := make([]byte, 0, 2*len(b))
	for i := 0; i < 2*len(b); i++ {
		n := b[i/2] >> 4
		if i%2 == 1 {
			n = b[i/2] & 15
		}
		if n != escape {
			text = append(text, nibbles[n])
			continue
		}
		if i+2 >= 2*len(b) {
			if i != 2*len(b)-1 {
				return nil, errBadState
			}
			break
		}
		hi, lo := b[(i+1)/2], b[(i+2)/2]
		if (i+1)%2 == 0 {
			hi >>= 4
		} else {
			hi &= 15
		}
		if (i+2)%2 == 0 {
			lo >>= 4
		} else {
			lo &= 15
		}
		text = append(text, hi<<4|lo)
		i += 2
	}
	if fnv32a(string(text)) != sum {
		return nil, errBadState
	}
	q := url.Values{}
	if len(text) == 0 {
		return q, nil
	}
	for pair := range strings.SplitSeq(string(text), "&") {
		k, v, ok := strings.Cut(pair, "=")
		k, err1 := url.PathUnescape(k)
		v, err2 := url.PathUnescape(v)
		if !ok || err1 != nil || err2 != nil {
			return nil, errBadState
		}
		q[k] = append(q[k], v)
	}
	return q, nil
}

// fnv32a is the 32-bit FNV-1a hash of s.
func fnv32a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// fragmentState splits a fragment into the packed state it starts with
// (without stateParam; "" when it has none) and the rest, which is not
// ours (WordPress adds "#?secret=..." to an embed's address).
func fragmentState(frag string) (data, rest string, found bool) {
	s, found := strings.CutPrefix(frag, stateParam)
	if !found {
		return "", frag, false
	}
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '~')
	})
	if end < 0 {
		end = len(s)
	}
	data, rest = s[:end], s[end:]
	return data, strings.TrimPrefix(rest, "&"), true
}

// ourFragment splits a fragment into the packed state it carries (""
// for none), whether it has the session mark, and the rest. A page opened
// from a link with a packed state, and typed into before the app ran, may
// carry both: web/page.js puts the mark before the state.
func ourFragment(frag string) (data string, inSession bool, rest string) {
	data, rest, found := fragmentState(frag)
	if found && data == sessionMark {
		inSession = true
		data, rest, _ = fragmentState(rest)
	}
	return data, inSession, rest
}

// localeState is what stays in the query of a state in the fragment: the
// language, the currency and the embed's model, for the prerendered page
// and the links between calculators.
func localeState(q url.Values) url.Values {
	out := url.Values{}
	for _, k := range []string{"model", "lang", "cur"} {
		if v, ok := q[k]; ok {
			out[k] = v
		}
	}
	return out
}

// stateLink is the address of a page state (see above): start is the
// address of the page (an origin and a path, or a path), q the state.
// ok is false when the link would be longer than most; the link is then
// the page in the state's language and currency, without its figures.
func stateLink(start string, q url.Values, most int) (link string, ok bool) {
	if plain := start + "?" + q.Encode(); len(plain)-len(pageOrigin(start)) <= maxQueryTarget {
		return strings.TrimSuffix(plain, "?"), true
	}
	small := start + "?" + localeState(q).Encode()
	if link = small + "#" + stateParam + packState(q); len(link) <= most {
		return link, true
	}
	return small, false
}

// pageOrigin is the scheme and host at the start of an address, if any.
func pageOrigin(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.IndexByte(s[i+3:], '/'); j >= 0 {
			return s[:i+3+j]
		}
		return s
	}
	return ""
}

// setState makes the page's own address u carry the state q: the query,
// or the fragment, keeping what else the fragment holds. It reports false
// when the state is over maxPageURL even packed: u then carries the
// session mark, and the caller keeps the state in the session.
func setState(u *url.URL, q url.Values) bool {
	_, _, rest := ourFragment(u.Fragment)
	with := func(data string) string {
		if rest == "" {
			return stateParam + data
		}
		return stateParam + data + "&" + rest
	}
	if u.RawQuery, u.Fragment = q.Encode(), rest; len(u.EscapedPath())+1+len(u.RawQuery) <= maxQueryTarget {
		return true
	}
	u.RawQuery, u.Fragment = localeState(q).Encode(), with(packState(q))
	if len(u.String()) <= maxPageURL {
		return true
	}
	u.Fragment = with(sessionMark)
	return false
}

// stateOf is the state an address carries: the state packed in its
// fragment, if any, with its query over it (the language and currency, the
// same in both, and what was typed into the page before the app ran).
// inSession reports the session mark: the state is in the tab's
// sessionStorage, over both. err is errBadState for a fragment that cannot
// be read.
func stateOf(u *url.URL) (q url.Values, inSession bool, err error) {
	data, inSession, _ := ourFragment(u.Fragment)
	q = url.Values{}
	if data != "" {
		if q, err = unpackState(data); err != nil {
			return u.Query(), inSession, err
		}
	}
	for k, v := range u.Query() {
		q[k] = v
	}
	return q, inSession, nil
}
