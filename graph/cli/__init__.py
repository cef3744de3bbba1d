"""``python -m graph``: every analysis and use case as a command with JSON out.

May import the services and everything below them; nothing of ``ui`` or Streamlit.
"""
