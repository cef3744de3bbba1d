"""A corpus of faults (#15): each is rejected with its exact file, row, column and reason, and the good row beside
it lands.

The corpus is split by fault family (``test_faults_*``): ``CASES`` are one CSV with a header, one bad row
(spreadsheet row 2) and one good row (row 3); ``FILE_FAULTS`` need more (several files of one stem, JSON,
workbooks, encodings). All are imported into a store that already holds a small account and checked the
same way (``fault_kit``): exactly the bad row is reported, at the right column with the right reason; the
good row lands; the store's export before and after shows nothing stored changed or vanished.
"""

from __future__ import annotations

import pytest

from tests.integration.import_faults import (
    test_faults_csv,
    test_faults_cycles,
    test_faults_dependants,
    test_faults_duplicates,
    test_faults_encodings,
    test_faults_json,
    test_faults_numbers,
    test_faults_references,
    test_faults_required,
    test_faults_text,
    test_faults_xlsx,
)

pytestmark = pytest.mark.integration

ROW_FAMILIES = (test_faults_cycles, test_faults_numbers, test_faults_references, test_faults_required, test_faults_text)
FILE_FAMILIES = (
    test_faults_csv,
    test_faults_dependants,
    test_faults_duplicates,
    test_faults_encodings,
    test_faults_json,
    test_faults_references,
    test_faults_xlsx,
)


def test_the_corpus_has_a_hundred_and_fifty_distinct_faults() -> None:
    cases = [case for family in ROW_FAMILIES for case in family.CASES]
    file_faults = [fault for family in FILE_FAMILIES for fault in family.FILE_FAULTS]
    distinct = {(stem, column, reason, bad) for stem, _, bad, _, column, reason in cases}
    assert len(distinct) + len({fault.name for fault in file_faults}) >= 150
