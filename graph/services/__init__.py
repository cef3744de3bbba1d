"""Use cases: editing, claims, handover, account views and the viewer's store, each write one unit of work.

May import ``graph.store``, ``graph.analysis``, ``graph.config`` and ``graph.domain``; never Streamlit.
"""
