"""Rendering graphs for people: layouts and pyvis maps (standalone HTML, JavaScript inlined)."""
