package calc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Limits of an order file's records: far beyond any shop export, they keep
// a broken file (one without line ends, a quote never closed) from
// filling the memory.
const (
	// MaxRecordBytes is the longest record (line) read, quoted line breaks
	// included.
	MaxRecordBytes = 256 << 10
	// MaxColumns is the most columns a record may have.
	MaxColumns = 1000
)

// csvReader reads records of delimited text (RFC 4180, with the comma,
// semicolon or tab as the delimiter): fields may be quoted, a quote inside
// a quoted field is doubled, and quoted fields may hold delimiters and line
// breaks. Lines end with LF, CRLF or CR. A quote inside an unquoted field is
// an ordinary character, as spreadsheets write it. Fields are returned as
// slices of a buffer that the next call reuses.
type csvReader struct {
	r      *bufio.Reader
	sep    byte
	row    int // the current record's number, counting the header as 1
	buf    []byte
	ends   []int
	fields [][]byte
}

// errRecordTooLong and the other errors of next name the row.
type csvError struct {
	Row    int
	Reason string
}

func (e *csvError) Error() string { return fmt.Sprintf("row %d: %s", e.Row, e.Reason) }

// next reads the next record. It returns io.EOF after the last one, and a
// *csvError for a record over the limits or a quoted field not closed at
// the end of the file.
func (c *csvReader) next() ([][]byte, error) {
	c.buf, c.ends = c.buf[:0], c.ends[:0]
	c.row++
	b, err := c.r.ReadByte()
	if err != nil {
		return nil, io.EOF
	}
	quoted, inQuotes, fieldStart := false, false, true
	for {
		switch {
		case inQuotes:
			if b == '"' {
				nb, err := c.r.ReadByte()
				if err == nil && nb == '"' {
					c.buf = append(c.buf, '"')
				} else {
					inQuotes = false
					if err == nil {
						_ = c.r.UnreadByte()
					}
				}
			} else {
				c.buf = append(c.buf, b)
			}
		case b == '"' && fieldStart:
			inQuotes, quoted = true, true
		case b == c.sep:
			c.ends = append(c.ends, len(c.buf))
			fieldStart, quoted = true, false
			if len(c.ends) >= MaxColumns {
				return nil, &csvError{c.row, fmt.Sprintf("more than %d columns", MaxColumns)}
			}
			b, err = c.r.ReadByte()
			if err != nil {
				return c.finish(), nil
			}
			continue
		case b == '\n' || b == '\r':
			if b == '\r' {
				if nb, err := c.r.ReadByte(); err == nil && nb != '\n' {
					_ = c.r.UnreadByte()
				}
			}
			return c.finish(), nil
		default:
			if !quoted {
				c.buf = append(c.buf, b)
			} // characters after a closing quote are dropped, as spreadsheets do
		}
		fieldStart = false
		if len(c.buf) > MaxRecordBytes {
			return nil, &csvError{c.row, fmt.Sprintf("the row is longer than %d KiB", MaxRecordBytes>>10)}
		}
		b, err = c.r.ReadByte()
		if err != nil {
			if inQuotes {
				return nil, &csvError{c.row, "a quoted field is not closed"}
			}
			return c.finish(), nil
		}
	}
}

// finish ends the current field and returns the record's fields.
func (c *csvReader) finish() [][]byte {
	c.ends = append(c.ends, len(c.buf))
	c.fields = c.fields[:0]
	start := 0
	for _, e := range c.ends {
		c.fields = append(c.fields, c.buf[start:e])
		start = e
	}
	return c.fields
}

// errNotUTF8 and errEmpty are the errors of a file that is not text the
// reader takes.
var (
	errUTF16  = errors.New("the file is UTF-16 text: save it as UTF-8 (CSV UTF-8 in spreadsheets)")
	errEmpty  = errors.New("the file is empty")
	errBinary = errors.New("the file is not text: export the orders as CSV (a spreadsheet workbook such as .xlsx, an image or a PDF is not)")
)

// notText tells a file that is not text (a workbook, an image, a PDF: a
// NUL byte in its first 64 KiB) from UTF-16 text without a byte order
// mark, whose NUL bytes are every other one.
func notText(head []byte) error {
	if bytes.IndexByte(head, 0) < 0 {
		return nil
	}
	var nulEven, nulOdd int
	n := min(len(head), 512)
	for i := 0; i < n; i++ {
		if head[i] == 0 {
			if i%2 == 0 {
				nulEven++
			} else {
				nulOdd++
			}
		}
	}
	if half := n / 2; half > 0 && (nulOdd*10 >= half*9 && nulEven == 0 || nulEven*10 >= half*9 && nulOdd == 0) {
		return errUTF16
	}
	return errBinary
}

// newCSVReader skips a UTF-8 byte order mark and finds the delimiter: of
// comma, semicolon and tab, the one that occurs most often outside quotes
// in the first line (the header), ties going to tab, then semicolon.
func newCSVReader(r io.Reader) (*csvReader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	if len(head) == 0 {
		return nil, errEmpty
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
		head = head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return nil, errUTF16
	}
	if err := notText(head); err != nil {
		return nil, err
	}
	counts := map[byte]int{}
	inQuotes := false
	for _, b := range head {
		if b == '"' {
			inQuotes = !inQuotes
		}
		if !inQuotes && (b == '\n' || b == '\r') {
			break
		}
		if !inQuotes && (b == ',' || b == ';' || b == '\t') {
			counts[b]++
		}
	}
	sep := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] >= counts[sep] && counts[c] > 0 {
			sep = c
		}
	}
	return &csvReader{r: br, sep: sep}, nil
}
