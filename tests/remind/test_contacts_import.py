"""Contacts (SPEC 2.7) through the ordinary importer: rows, rejects, key, batches and rollback."""

from __future__ import annotations

from analytics.store.batches import rollback_batch
from analytics.store.importer import import_files
from tests.store.conftest import rows

CONTACTS_CSV = (
    "公司,部門,姓名,電子郵件,工號,語言\n"
    "廣州市分公司,,李牽頭,Lead.GZ@Example.com,,\n"          # row 2: blank 部門 = the lead department
    "廣州市分公司,市場部,陳市場,chen@example.com,00123,英文\n"  # row 3
    "广州市分公司,市场部,陈市场,chen@example.com,,\n"          # row 4: same key in Simplified: a duplicate
    "廣州市分公司,網路部,王網路,wang@,,\n"                      # row 5: not an address
    "廣州市分公司,客服部,,kefu@example.com,,\n"                 # row 6: 姓名 missing
)


def _import(db, content: str, name: str = "聯繫人.csv", user: str = "lead_gz"):
    return import_files([(name, content.encode("utf-8"))], db_path=db, user=user)[0]


def test_contacts_import_stores_valid_rows_and_rejects_the_rest_with_reasons(db):
    result = _import(db, CONTACTS_CSV)
    assert result.status == "partial"
    # rows 2 and 3 stored; email lower-cased; blank 部門 stored as the lead department (department_key '')
    assert rows(db, "select company, department, department_key, name, email, employee_id, language "
                    "from contacts order by email") == [
        ("廣州市分公司", "市場部", "市场部", "陳市場", "chen@example.com", "00123", "英文"),
        ("廣州市分公司", None, "", "李牽頭", "lead.gz@example.com", None, "繁體中文"),
    ]
    stored = rows(db, "select email, department_key, language from contacts order by email")
    assert stored == [("chen@example.com", "市场部", "英文"), ("lead.gz@example.com", "", "繁體中文")]
    reasons = {int(r): reason for r, reason in zip(result.rejects["contacts"]["_row"],
                                                   result.rejects["contacts"]["_reason"], strict=True)}
    assert set(reasons) == {4, 5, 6}
    assert "電子郵件" in reasons[5] and "wang@" in reasons[5] and "有效的電子郵件地址" in reasons[5]
    assert "姓名" in reasons[6]
    assert "3" in reasons[4]  # names the first row of the key
    assert result.counts["contacts"]["new"] == 2 and result.counts["contacts"]["rejected"] == 3


def test_reimport_updates_in_place_and_rollback_restores(db):
    first = _import(db, CONTACTS_CSV)
    # the same key (company + department + email, any spelling) with a new name: updated, not a second contact
    second = _import(db, "公司,部門,姓名,電子郵件\n廣州市分公司,市場部,陳新名,CHEN@example.com\n", "更新.csv")
    assert second.status == "imported" and second.counts["contacts"]["updated"] == 1
    assert rows(db, "select name from contacts where email = 'chen@example.com'") == [("陳新名",)]
    assert rows(db, "select count(*) from contacts") == [(2,)]
    undone = rollback_batch(db, second.batch_id, user="lead_gz")
    assert undone.ok, undone.message
    assert rows(db, "select name, batch_id from contacts where email = 'chen@example.com'") == [
        ("陳市場", first.batch_id)]
    assert rollback_batch(db, first.batch_id, user="lead_gz").ok
    assert rows(db, "select count(*) from contacts") == [(0,)]


def test_a_formula_in_a_contact_name_is_kept_as_text_and_never_evaluated(db):
    hostile = '公司,姓名,電子郵件\n廣州市分公司,"=HYPERLINK(""http://x"",""a"")",evil@example.com\n'
    assert _import(db, hostile).status == "imported"
    assert rows(db, "select name from contacts") == [('=HYPERLINK("http://x","a")',)]
