"""A download (or a print) is made on its click and recorded then; drawing its button makes and records nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.domain.access import Role, Viewer
from graph.domain.model import Company
from graph.services.visible_store import VisibleStore
from graph.store import GraphStore
from tests.authors import script_author
from ui.downloads import recorded_download, recorded_print

pytestmark = pytest.mark.integration


class Slot:
    """Where a page draws a button: here, what it was given is kept to look at."""

    def __init__(self, clicked: bool = False) -> None:
        self.drawn: dict[str, Any] = {}
        self.clicked = clicked
        self.frames: list[str] = []

    def download_button(self, label: str, data: Any, file_name: str, mime: str, **options: Any) -> bool:
        self.drawn = {"label": label, "data": data, "file_name": file_name, "mime": mime, **options}
        return False

    def button(self, label: str, **options: Any) -> bool:
        self.drawn = {"label": label, **options}
        return self.clicked

    def iframe(self, page: str, **options: Any) -> None:
        self.frames.append(page)


def test_the_file_is_made_and_recorded_on_each_click_and_not_when_drawn(store: GraphStore) -> None:
    store.unit_of_work(
        lambda uow: uow.write(
            [Company(id="c1", name="Acme")],
            script_author(),
        )
    )
    ops = VisibleStore(store, Viewer(who="ops@us.example.com", role=Role.OPS), None)
    made: list[int] = []

    def make() -> str:
        made.append(1)
        return "id,name\nc1,Acme\n"

    slot = Slot()
    recorded_download(slot, ops, "Download", make, "c1-people.csv", "text/csv", ["c1"])  # type: ignore[arg-type]
    assert made == [] and ops.access_log(dt.date.today()) == []  # drawn: nothing made, nothing recorded
    assert callable(slot.drawn["data"]) and slot.drawn["on_click"] == "ignore"
    assert slot.drawn["data"]() == slot.drawn["data"]() == "id,name\nc1,Acme\n"
    assert made == [1, 1]
    log = [(r.who, r.file, r.company_ids) for r in ops.access_log(dt.date.today())]
    assert log == [("ops@us.example.com", "c1-people.csv", ["c1"])] * 2


def test_a_print_is_recorded_on_its_click_and_each_click_is_a_new_page(store: GraphStore) -> None:
    store.unit_of_work(lambda uow: uow.write([Company(id="c1", name="Acme")], script_author()))
    ops = VisibleStore(store, Viewer(who="ops@us.example.com", role=Role.OPS), None)
    idle = Slot()
    recorded_print(idle, ops, "Print", lambda n: f"page {n}", "c1.pdf", ["c1"], key="print_c1")  # type: ignore[arg-type]
    assert idle.frames == [] and ops.access_log(dt.date.today()) == []  # drawn: nothing printed, nothing recorded
    assert idle.drawn == {"label": "Print", "key": "print_c1"}
    clicked = Slot(clicked=True)
    for _ in range(2):
        recorded_print(clicked, ops, "Print", lambda n: f"page {n}", "c1.pdf", ["c1"], key="print_c1")  # type: ignore[arg-type]
    assert clicked.frames == ["page 1", "page 2"]  # a page the browser has not seen, so it prints again
    log = [(r.who, r.file, r.company_ids) for r in ops.access_log(dt.date.today())]
    assert log == [("ops@us.example.com", "c1.pdf", ["c1"])] * 2
