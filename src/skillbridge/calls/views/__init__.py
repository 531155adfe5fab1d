"""The calls pages, split by what they are about."""
