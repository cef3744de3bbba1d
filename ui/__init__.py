"""Streamlit-side helpers shared by app.py and app_pages/: language, store handle, sidebar."""
