"""Document → what the readers read: one normalised text per line, with the map back to the
source, so that every reader sees one spelling of a report whatever copy of it came in."""
