// Command gen writes a simulated order export to standard output (see
// package orderdata): go run ./app/internal/orderdata/gen -customers 100000
// -population frequent > orders.csv.
package main

import (
	"flag"
	"fmt"
	"os"

	"ltvlab/app/internal/orderdata"
)

func main() {
	n := flag.Int("customers", 2400, "customers")
	pop := flag.String("population", "small", "small (about 3 orders a customer) or frequent (about 10)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	p := orderdata.Small
	if *pop == "frequent" {
		p = orderdata.Frequent
	}
	if _, err := os.Stdout.Write(orderdata.Simulate(*n, p, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
