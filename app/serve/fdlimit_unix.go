//go:build unix

package serve

import "syscall"

// fdLimit is the process's limit of open descriptors (its soft limit).
func fdLimit() (uint64, bool) {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) != nil {
		return 0, false
	}
	return lim.Cur, true
}
