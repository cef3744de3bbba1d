"""Pure analyses over networkx subgraphs and typed rows, returning pydantic results.

May import ``graph.domain`` only: no driver, no store, no Streamlit.
"""
