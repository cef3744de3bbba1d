"""kagraph's graph layer: model, store, embedded server, analyses, rendering."""
