package calc

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// cdnowSummary reads testdata/cdnow/summary.csv: the calibration summary of
// the CDNOW sample of Fader, Hardie & Lee (2005), and the mean repeat value
// of each repeat customer.
func cdnowSummary(tb testing.TB) ([]RFM, []Spend) {
	tb.Helper()
	f, err := os.Open("testdata/cdnow/summary.csv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rfm []RFM
	var spend []Spend
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		c := strings.Split(sc.Text(), ",")
		x, _ := strconv.Atoi(c[1])
		tx, _ := strconv.ParseFloat(c[2], 64)
		T, _ := strconv.ParseFloat(c[3], 64)
		m, _ := strconv.ParseFloat(c[4], 64)
		rfm = append(rfm, RFM{X: x, Tx: tx, T: T})
		if x > 0 {
			spend = append(spend, Spend{X: x, M: m})
		}
	}
	if len(rfm) != 2357 || len(spend) != 946 {
		tb.Fatalf("CDNOW summary: %d customers, %d repeat, want 2357 and 946", len(rfm), len(spend))
	}
	return rfm, spend
}

func nearF(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

// TestBGNBDCDNOW: the published fit of the CDNOW sample (Fader, Hardie & Lee
// 2005, table 1 and the Excel note): r = 0.243, alpha = 4.414, a = 0.793,
// b = 2.426, LL = -9582.4; and the log-likelihood at those figures.
func TestBGNBDCDNOW(t *testing.T) {
	data, _ := cdnowSummary(t)
	pub := BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	if ll := pub.LogLikelihood(data); !nearF(ll, -9582.4, 0.5) {
		t.Errorf("LL at the published parameters = %.3f, want -9582.4", ll)
	}
	fit, err := FitBGNBD(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
		iv        Interval
	}{
		{"r", fit.R, 0.243, fit.Intervals[0]},
		{"alpha", fit.Alpha, 4.414, fit.Intervals[1]},
		{"a", fit.A, 0.793, fit.Intervals[2]},
		{"b", fit.B, 2.426, fit.Intervals[3]},
	} {
		if !nearF(c.got, c.want, 0.0006) {
			t.Errorf("%s = %.5f, want %.3f", c.name, c.got, c.want)
		}
		if !(c.iv.Low < c.got && c.got < c.iv.High) {
			t.Errorf("%s = %.5f outside its interval %v", c.name, c.got, c.iv)
		}
	}
	if !nearF(fit.LogLikelihood, -9582.4, 0.05) {
		t.Errorf("LL = %.3f, want -9582.4", fit.LogLikelihood)
	}
	if fit.Customers != 2357 {
		t.Errorf("customers = %v", fit.Customers)
	}
	t.Logf("r %.4f %v, alpha %.4f %v, a %.4f %v, b %.4f %v, LL %.3f", fit.R, fit.Intervals[0], fit.Alpha, fit.Intervals[1], fit.A, fit.Intervals[2], fit.B, fit.Intervals[3], fit.LogLikelihood)
}

// TestGammaGammaCDNOW: the published fit of the 946 repeat customers of the
// CDNOW sample (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary
// Value"): p = 6.25, q = 3.74, gamma = 15.44, held to two decimals as the
// test of lifetimes holds its own fit (its Excel Solver stops earlier on a
// flat likelihood: the 90 % interval of gamma spans 10 to 24).
func TestGammaGammaCDNOW(t *testing.T) {
	_, spend := cdnowSummary(t)
	fit, err := FitGammaGamma(spend, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
		iv        Interval
	}{
		{"p", fit.P, 6.25, fit.Intervals[0]},
		{"q", fit.Q, 3.74, fit.Intervals[1]},
		{"gamma", fit.Gamma, 15.44, fit.Intervals[2]},
	} {
		if !nearF(c.got, c.want, 0.015) {
			t.Errorf("%s = %.4f, want %.2f", c.name, c.got, c.want)
		}
		if !(c.iv.Low < c.got && c.got < c.iv.High) {
			t.Errorf("%s = %.4f outside its interval %v", c.name, c.got, c.iv)
		}
	}
	if ll := fit.GammaGamma.LogLikelihood(spend); !nearF(ll, fit.LogLikelihood, 1e-6*math.Abs(ll)) {
		t.Errorf("LL of the fit %.4f, recomputed on the values as given %.4f", fit.LogLikelihood, ll)
	}
	t.Logf("p %.4f %v, q %.4f %v, gamma %.4f %v, LL %.3f", fit.P, fit.Intervals[0], fit.Q, fit.Intervals[1], fit.Gamma, fit.Intervals[2], fit.LogLikelihood)
}
