"""Choices among options worded in the reader's language, kept by value when the language changes.

Streamlit keeps a selectbox's or a radio's choice as the words the browser shows: after a switch to Chinese the
browser still shows (and sends back) "everyone", which no option reads any more. So a widget whose options are
worded by ``t()`` is one widget per language (its key ends in the language), and the value chosen is kept under
a plain session key of its own: the new language's widget starts at that same value, drawn in its own words.
Options that are names or ids (a company, a rep) need none of this: they read alike in both languages.
Tabs are the same kind of choice: Streamlit reopens the first tab when a rerun draws elements above them (a
decision's outcome), unless they keep which one is open, and they keep it as its label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import streamlit as st

from ui.i18n import language

__all__ = ["worded_choice", "worded_choices", "worded_tabs", "worded_widget_key"]

_T = TypeVar("_T")
_KEPT = "kept."
"""Session-state prefix of the value each worded widget last held, by its key without the language."""


def worded_widget_key(key: str) -> str:
    """The key of the widget drawn now for ``key``: one per language (tests look widgets up by it)."""
    return f"{key}.{language()}"


def worded_choice(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[_T],
    *,
    key: str,
    format_func: Callable[[_T], str],
    index: int = 0,
    **extra: Any,
) -> _T:
    """``widget`` (a ``selectbox`` or ``radio``, e.g. ``st.selectbox``) whose choice survives a language switch."""
    kept = st.session_state.get(_KEPT + key, _KEPT)
    start = list(options).index(kept) if kept in options else index
    value: _T = widget(label, options, index=start, format_func=format_func, key=worded_widget_key(key), **extra)
    st.session_state[_KEPT + key] = value
    return value


def worded_choices(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[_T],
    *,
    key: str,
    format_func: Callable[[_T], str],
    default: Sequence[_T] = (),
    **extra: Any,
) -> list[_T]:
    """``widget`` (a ``multiselect``) whose choices survive a language switch."""
    kept = st.session_state.get(_KEPT + key)
    start = [o for o in kept if o in options] if isinstance(kept, list) else list(default)
    values: list[_T] = widget(
        label, options, default=start, format_func=format_func, key=worded_widget_key(key), **extra
    )
    st.session_state[_KEPT + key] = values
    return values


def worded_tabs(options: Sequence[str], *, key: str, format_func: Callable[[str], str]) -> list[Any]:
    """``st.tabs`` of ``options`` (codes) worded by ``format_func``, reopening the one last chosen after any rerun."""
    labels = {format_func(option): option for option in options}
    kept = st.session_state.get(_KEPT + key)
    default = next((label for label, option in labels.items() if option == kept), None)
    widget_key = worded_widget_key(key)

    def remember() -> None:
        st.session_state[_KEPT + key] = labels.get(str(st.session_state.get(widget_key)), kept)

    return list(st.tabs(list(labels), default=default, key=widget_key, on_change=remember))
