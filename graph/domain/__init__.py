"""The domain: records and their enums, keys, normalised names, validation wording, history types, errors, access rules.

Imports nothing of kagraph outside ``graph.domain``, and neither Streamlit nor a database client.
"""
