package badgerdb

import (
	"fmt"
	"strings"

	"go.uber.org/zap"
)

// zapLogger adapts zap to badger.Logger. Badger's info and debug chatter is
// demoted to debug so that a collector logs start and stop, not compactions.
type zapLogger struct{ l *zap.SugaredLogger }

func newLogger(l *zap.Logger) zapLogger {
	return zapLogger{l: l.WithOptions(zap.AddCallerSkip(1)).Sugar().Named("badger")}
}

func trim(format string, args []any) string {
	return strings.TrimRight(fmt.Sprintf(format, args...), "\n")
}

func (z zapLogger) Errorf(f string, a ...any)   { z.l.Error(trim(f, a)) }
func (z zapLogger) Warningf(f string, a ...any) { z.l.Warn(trim(f, a)) }
func (z zapLogger) Infof(f string, a ...any)    { z.debug(f, a) }
func (z zapLogger) Debugf(f string, a ...any)   { z.debug(f, a) }

// debug formats only when debug logging is on: Badger calls Debugf several
// times per commit, and formatting for a disabled level cost ~4% of a
// storage client's CPU.
func (z zapLogger) debug(f string, a []any) {
	if z.l.Level().Enabled(zap.DebugLevel) {
		z.l.Debug(trim(f, a))
	}
}
