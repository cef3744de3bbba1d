"""Downloads that go into the history: a file is made on the click, by the session that clicked, and recorded.

A download button given the file's bytes stores them in Streamlit's media
store as soon as it is drawn, where ``/media/<id>`` serves them to anybody,
with no cookie and no record, for as long as Streamlit keeps them. So every
export of account data is drawn with a *callable*: the button carries no
file, only an id the drawing session's browser asks its own connection to
run; the callable records the download (who, when, which accounts) and only
then makes the file. Every click is one record; nothing exists to fetch
before it. A print (the browser's "Save as PDF" is a file too) is recorded
the same way: the page to print is drawn only on the click, once recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from graph.services.visible_store import VisibleStore

__all__ = ["recorded_download", "recorded_file", "recorded_print"]


def recorded_file(
    store: VisibleStore, make: Callable[[], str], file_name: str, company_ids: Iterable[str]
) -> Callable[[], str]:
    """What the button runs on a click: record the download of these accounts, then make the file.

    Recorded first: when the record cannot be written (the store is down), no file is made.
    """
    accounts = list(company_ids)

    def generate() -> str:
        store.record_download(accounts, file_name)
        return make()

    return generate


def recorded_download(
    slot: DeltaGenerator,
    store: VisibleStore,
    label: str,
    make: Callable[[], str],
    file_name: str,
    mime: str,
    company_ids: Iterable[str],
) -> None:
    """A download button whose file ``make`` writes on the click, recorded in the history of the accounts in it.

    ``on_click="ignore"``: the click downloads without running the page again.
    """
    slot.download_button(
        label,
        recorded_file(store, make, file_name, company_ids),
        file_name,
        mime,
        on_click="ignore",
        key=f"dl_{file_name}",
    )


PRINT_FRAME_PX = 96
"""The print page's frame on screen: its button and hint (two lines in a narrow column)."""


def recorded_print(
    slot: DeltaGenerator,
    store: VisibleStore,
    label: str,
    page: Callable[[int], str],
    file_name: str,
    company_ids: Iterable[str],
    key: str,
) -> None:
    """A button that records a print of these accounts (as ``file_name``), then draws ``page``, which prints itself.

    ``page(n)`` is the n-th print of this session: a new page each click, or the browser would keep the frame it
    has and not print again. ``key`` names the button in every language (a file name is worded in the reader's).
    Recorded first: when the record cannot be written, nothing is drawn.
    """
    if slot.button(label, key=key):
        store.record_download(list(company_ids), file_name)
        count = int(st.session_state.get(f"{key}.count", 0)) + 1
        st.session_state[f"{key}.count"] = count
        slot.iframe(page(count), height=PRINT_FRAME_PX)
