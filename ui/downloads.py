"""Downloads that go into the history: every export of account data is recorded with who and when."""

from __future__ import annotations

from collections.abc import Iterable

from streamlit.delta_generator import DeltaGenerator

from graph.services.visible_store import VisibleStore

__all__ = ["recorded_download"]


def recorded_download(
    slot: DeltaGenerator,
    store: VisibleStore,
    label: str,
    data: str,
    file_name: str,
    mime: str,
    company_ids: Iterable[str],
) -> None:
    """A download button whose click records the file and the accounts in it in those accounts' history."""
    accounts = list(company_ids)
    slot.download_button(
        label, data, file_name, mime, on_click=lambda: store.record_download(accounts, file_name), key=f"dl_{file_name}"
    )
