"""Getting data into kagraph: readers (CSV, XLSX, JSON), row validation, the importer, export, demo data.

May import ``graph`` (its store, servers, domain and CLI output); never ``ui`` or Streamlit.
"""
