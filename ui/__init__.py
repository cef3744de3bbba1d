"""Streamlit helpers shared by app.py and app_pages/: language, the viewer's cached store, sidebar, widgets.

The top layer: may import ``graph`` and ``ingest``; nothing below imports it.
"""
