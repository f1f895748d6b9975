"""The table of code under each diagram: link targets, grouped, with their steps."""

from __future__ import annotations

from code_index import _ranges, code_refs, index_html

SOURCE = """\
autonumber
# linkbase: https://example.org/src/
# link: a.py#L1 A.one
X->Y: first
# link: b.py#L5 B.two
Y->Z: second
# link: a.py#L1 A.one
note over Z: a note after step 2
# link: a.py#L1 A.one
Z-->X: third
# link: https://example.org/other <b>odd</b>
X->X: fourth
"""


def test_targets_are_grouped_in_order_of_first_use() -> None:
    refs = code_refs(SOURCE)
    assert [(r.name, r.where, r.steps) for r in refs] == [
        ("A.one", "a.py", ["1", "2+", "3"]),
        ("B.two", "b.py", ["2"]),
        ("<b>odd</b>", "https://example.org/other", ["4"]),
    ]
    assert refs[0].href == "https://example.org/src/a.py#L1"


def test_step_ranges() -> None:
    assert _ranges(["3", "4", "5", "9", "9+", "11"]) == "3–5, 9, 9+, 11"
    assert _ranges([]) == ""


def test_html_is_escaped_and_explains_note_steps() -> None:
    html = index_html(code_refs(SOURCE))
    assert html.startswith('<details class="wsd-code-index">') and "(3)" in html
    assert "&lt;b&gt;odd&lt;/b&gt;" in html and "<b>odd" not in html
    assert "1, 2+, 3" in html and "is a note after step" in html


def test_invalid_or_linkless_sources_give_no_table() -> None:
    assert code_refs("A->: broken\n") == []
    assert index_html(code_refs("A->B: no links\n")) == ""
