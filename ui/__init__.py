"""Streamlit-side helpers shared by app.py and pages/: language, store handle, sidebar."""
