"""Fuzz tests of every file ccgeo reads (see fuzzkit)."""
