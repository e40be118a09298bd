package badgerstorageextension

import (
	"context"

	"github.com/otelcol-ems/otelcol-ems/extensions/badgerstorageextension/internal/metadata"
	"github.com/otelcol-ems/otelcol-ems/internal/journal"
)

// telemetryObserver turns what the engine reports into the extension's telemetry.
type telemetryObserver struct{ tel *metadata.TelemetryBuilder }

var _ journal.Observer = telemetryObserver{}

func (o telemetryObserver) Recovered(salvaged int) {
	o.tel.BadgerStorageRecoveries.Add(context.Background(), 1)
	o.tel.BadgerStorageSalvagedEntries.Add(context.Background(), int64(salvaged))
}

func (o telemetryObserver) Replayed(records, damaged int) {
	o.tel.BadgerStorageJournalReplayedRecords.Add(context.Background(), int64(records))
	o.tel.BadgerStorageJournalDamagedRecords.Add(context.Background(), int64(damaged))
}

func (o telemetryObserver) WriteRefused() {
	o.tel.BadgerStorageWritesRefused.Add(context.Background(), 1)
}

func (o telemetryObserver) Reclaimed(freed int64) {
	o.tel.BadgerStorageReclaims.Add(context.Background(), 1)
	if freed > 0 {
		o.tel.BadgerStorageReclaimed.Add(context.Background(), freed)
	}
}
