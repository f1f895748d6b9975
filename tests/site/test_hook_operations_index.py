"""Operation front matter -> hidden search tags and the home page index table."""

from __future__ import annotations

from operations_index import collect, index_table, problem, replace_index_marker, search_tags

REBOOT = {
    "en": "Reboot",
    "zh": ["重启", "软重启"],
    "rest": ["reboot"],
    "method": "POST /servers/{server_id}/action",
    "cli": ["openstack server reboot", "nova reboot"],
    "horizon": "Soft Reboot Instance",
    "extra": ["soft reboot", "reboot"],
}


def test_search_tags_flatten_every_name_once_in_order() -> None:
    assert search_tags(REBOOT) == [
        "Reboot",
        "重启",
        "软重启",
        "reboot",
        "openstack server reboot",
        "nova reboot",
        "Soft Reboot Instance",
        "soft reboot",
    ]


def test_chinese_names_are_tags_as_written() -> None:
    # Segmentation is handled on the query side (search-options.js); the
    # browser tests prove 取消搁置 and 重启 still find their pages first.
    tags = search_tags({"zh": ["搁置", "取消搁置"], "en": "Unshelve"})
    assert tags == ["Unshelve", "搁置", "取消搁置"]


def test_collect_sorts_by_order_then_nav_position() -> None:
    pages = [
        ("index.md", {"title": "Home"}),
        ("operations/shelve.md", {"operation": {"en": "Shelve", "zh": "搁置"}}),
        ("operations/reboot.md", {"operation": REBOOT, "order": 1}),
        ("operations/create.md", {"operation": {"en": "Create"}}),
    ]
    assert [e.src_uri for e in collect(pages)] == [
        "operations/reboot.md",
        "operations/shelve.md",
        "operations/create.md",
    ]


def test_index_table_links_relative_to_the_page_and_escapes_pipes() -> None:
    entries = collect([("operations/reboot.md", {"operation": {**REBOOT, "cli": ["a | b"]}})])
    table = index_table(entries, "index.md")
    lines = table.splitlines()
    assert lines[0] == "| 操作 · Operation | REST | CLI | Horizon |"
    assert lines[2].startswith("| [重启 · Reboot](operations/reboot.md) | `reboot` | `a \\| b` |")
    assert "Soft Reboot Instance" in lines[2]
    assert "(../operations/reboot.md)" in index_table(entries, "guide/page.md")


def test_marker_replaced_outside_code_fences_only() -> None:
    md = "# Home\n\n<!-- operations-index -->\n\n```markdown\n<!-- operations-index -->\n```\n"
    out = replace_index_marker(md, "TABLE")
    assert out.count("TABLE") == 1
    assert "```markdown\n<!-- operations-index -->\n```" in out


def test_malformed_operation_front_matter_is_explained() -> None:
    assert problem({"en": "Reboot", "zh": "重启", "rest": ["reboot"]}) is None
    assert "must be a mapping" in problem("reboot")
    assert "needs zh" in problem({"en": "Reboot"})
    assert "unknown keys ['rets']" in problem({"en": "Reboot", "zh": "重启", "rets": ["reboot"]})


def test_real_pages_have_well_formed_operation_front_matter() -> None:
    from site_support import operation_pages

    for op in operation_pages():
        assert problem(op.meta["operation"]) is None, op.path
