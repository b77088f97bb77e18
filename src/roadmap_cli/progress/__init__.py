"""The learner's event log: events, fold and merge, the store, snapshots."""
