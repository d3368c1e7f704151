// Package calc is the domain of LTV Lab: the customer lifetime value models,
// their inputs and validation, in exact decimal arithmetic
// (github.com/shopspring/decimal). It imports nothing but the standard library
// and decimal, so it runs the same natively and in the browser (WebAssembly).
//
// # Purchase model
//
//	LTV = average order value x purchases per year x years a customer stays
//
// Source: the seed articles (shared/seeds 000 in French, 003 in Thai):
// 2 purchases a year x $50 = $100 a year; customers leave after about 3 years,
// so LTV = $300.
//
// # Errors
//
// Bad input is a value, never a panic: every parser returns a *FieldError
// naming the field, joined with errors.Join when several fields are bad.
package calc
