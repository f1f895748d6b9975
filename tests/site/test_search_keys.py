"""hooks/search_keys.py: identifier keys, the owners table, uncovered actions."""

from __future__ import annotations

from pathlib import Path

import pytest
import search_keys

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("NoValidHost", "00novalidhost"),
        ("network-vif-plugged", "00networkvifplugged"),
        ("build_and_run_instance", "00buildandruninstance"),
        ("os-migrateLive", "00osmigratelive"),
        ("VNCConsole", "00vncconsole"),
        ("_hard_reboot", "00hardreboot"),
        ("__init__", "00init"),
        ("_validate_instance_group_policy", "00validateinstancegrouppolicy"),
        ("_", None),
        ("reboot", None),
        ("Reboot", None),
        ("VNC", None),
        ("--hard", None),
    ],
)
def test_key(word: str, key: str | None) -> None:
    assert search_keys.key(word) == key


def test_code_keys_come_from_inline_code_only() -> None:
    text = "Raises `NoValidHost` from `select_destinations()`; build_and_run_instance in prose.\n```\nfenced_name\n```"
    assert search_keys.code_keys(text) == ["00novalidhost", "00selectdestinations"]


def test_an_owned_identifier_goes_to_its_page_only() -> None:
    owned = {"00novalidhost": "operations/create.md"}
    assert search_keys.page_keys("`NoValidHost` `reboot_instance`", "operations/reboot.md", owned) == [
        "00rebootinstance"
    ]
    assert search_keys.page_keys("nothing", "operations/create.md", owned) == ["00novalidhost"]


def test_the_owner_carries_the_identifier_as_written(tmp_path: Path) -> None:
    table = tmp_path / "ids.tsv"
    table.write_text("NoValidHost\toperations/create.md\nnetwork-vif-plugged\toperations/create.md\n",
                     encoding="utf-8")
    rows = search_keys.read_tsv(table, 2, "ids.tsv")
    assert search_keys.owned_identifiers(rows) == {
        "operations/create.md": ["NoValidHost", "network-vif-plugged"]}


def test_table_errors_carry_a_position(tmp_path: Path) -> None:
    table = tmp_path / "ids.tsv"
    table.write_text("# comment\nNoValidHost\toperations/nowhere.md\n", encoding="utf-8")
    rows = search_keys.read_tsv(table, 2, "ids.tsv")
    with pytest.raises(ValueError, match=r"^ids.tsv:2:13: no page 'operations/nowhere.md'"):
        search_keys.owners(rows, {"operations/create.md"})
    table.write_text("NoValidHost operations/create.md\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^ids.tsv:1:1: expected 2 tab-separated cells"):
        search_keys.read_tsv(table, 2, "ids.tsv")


def test_the_real_tables_read_and_name_real_actions() -> None:
    owners = search_keys.read_tsv(ROOT / "data/search/identifiers.tsv", 2, "identifiers.tsv")
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert search_keys.owners(owners, pages)
    actions = search_keys.read_tsv(ROOT / "data/nova/server_actions.tsv", 3, "server_actions.tsv")
    left = search_keys.uncovered(actions, {"reboot", "pause"})
    names = {a["action"] for a in left}
    assert "trigger_crash_dump" in names and "reboot" not in names and "pause" not in names
    assert len(left) == len(actions) - 2


@pytest.mark.parametrize(
    ("command", "keys"),
    [
        ("openstack console log show", ["0copenstackconsolelogshow0"]),
        ("openstack server set --state active", ["0copenstackserverset0", "0copenstackserversetstate0"]),
        ("openstack server create --hint group=<uuid>", ["0copenstackservercreate0", "0copenstackservercreatehint0"]),
        ("nova console-log", ["0cnovaconsolelog0"]),
        ("openstack server show <server>", ["0copenstackservershow0"]),
        ("openstack", []),
        ("virsh list", []),
    ],
)
def test_cli_keys(command: str, keys: list[str]) -> None:
    assert search_keys.cli_keys(command) == keys


def test_cli_keys_do_not_prefix_each_other() -> None:
    """Material matches query words as prefixes: one command's key must not be the
    start of another's, or ``openstack server migrate`` would also hit ``... migrate confirm``."""
    short = search_keys.cli_keys("openstack server migrate")[0]
    longer = search_keys.cli_keys("openstack server migrate confirm")[0]
    assert not longer.startswith(short)


def test_every_page_cli_command_has_a_key() -> None:
    """Every command in the pages' front matter that starts with openstack/nova gets a key."""
    import yaml

    for page in sorted((ROOT / "docs" / "operations").glob("*.md")):
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
        for command in front["operation"].get("cli") or []:
            if command.split()[0] in ("openstack", "nova"):
                assert search_keys.cli_keys(command), f"{page.name}: {command!r} gets no search key"
