"""Pure analyses over networkx subgraphs: no driver, no Streamlit."""
