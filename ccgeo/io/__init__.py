"""Readers and writers: files a planner has → domain objects. No Qt here."""
