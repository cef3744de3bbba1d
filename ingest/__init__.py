"""Getting data into kagraph: readers, validation, normalisation, demo data."""
