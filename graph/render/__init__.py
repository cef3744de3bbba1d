"""Rendering for people: layouts, pyvis maps (standalone HTML, JavaScript inlined), digests, safe CSV cells.

May import ``graph.analysis`` and ``graph.domain``; never the store or Streamlit.
"""
