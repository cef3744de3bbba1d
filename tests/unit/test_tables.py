"""Tables as a person reads them (ui/tables.py): counts with thousands separators, with or without gaps."""

from __future__ import annotations

from ui.tables import count_columns, readable


def test_counts_show_thousands_separators_with_or_without_gaps() -> None:
    full = readable([{"employees": 42000}, {"employees": 2500}])
    gapped = readable([{"employees": 42000}, {"employees": None}])
    assert list(gapped["employees"]) == ["42,000", ""]
    numeric = count_columns(full, ["employees"], str.upper)["employees"]
    text = count_columns(gapped, ["employees"], str.upper)["employees"]
    assert numeric["label"] == "EMPLOYEES" and numeric["type_config"]["format"] == "%,d"
    assert text["type_config"]["type"] == "text" and text["alignment"] == "right"
