import pytest

from graph.domain.normalise import company_key, normalise_email, normalise_phone


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("华东电力（上海）有限责任公司", "华东电力(上海)有限公司"),
        ("华东电力 有限公司", "华东电力有限公司"),
        ("ＡＢＣ科技股份有限公司", "abc科技"),
        ("Acme Co., Ltd.", "ACME LIMITED"),
        ("Northwind Logistics Ltd", "northwind  logistics"),
    ],
)
def test_spellings_of_one_company_share_a_key(a: str, b: str) -> None:
    assert company_key(a) == company_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("华东电力有限公司", "华北电力有限公司"), ("Acme Inc", "Acme Group Inc"), ("有限公司", "公司")]
)
def test_different_companies_keep_different_keys(a: str, b: str) -> None:
    assert company_key(a) != company_key(b)


def test_a_bare_suffix_is_not_emptied() -> None:
    assert company_key("有限公司") == "有限公司"


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("+86 138 0013 8000", "13800138000"),
        ("0086-13800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
    ],
)
def test_phone_forms(raw: str, key: str) -> None:
    assert normalise_phone(raw) == key


def test_email_is_trimmed_and_lowered() -> None:
    assert normalise_email("  Wang.Fang@HDGRID.cn ") == "wang.fang@hdgrid.cn"
