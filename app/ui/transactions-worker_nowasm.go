//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Natively there is no order worker: the page does the work (runHere).

type orderWorker struct{}

func (p *transactionsPage) startOrderWorker(ctx app.Context) {}
func (p *transactionsPage) stopOrderWorker()                 {}
func (p *transactionsPage) startInWorker(w txWork) bool      { return false }
func (p *transactionsPage) tellWorkerJob()                   {}
