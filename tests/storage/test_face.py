"""The Store keeps to its face (journal/storage/face.py): every public name in exactly one group,
each with the signature the group promises, and nothing a group promises missing."""

from __future__ import annotations

import inspect

from journal.storage import Store
from journal.storage.face import GROUPS


def _members(group: type) -> dict[str, object]:
    """A group's methods and properties, and its plain attributes (annotations only)."""
    names = {n for n in vars(group) if not n.startswith("_")} | set(vars(group).get("__annotations__", {}))
    return {n: inspect.getattr_static(group, n, None) for n in names}


def _public_names() -> set[str]:
    names = {n for n in dir(Store) if not n.startswith("_")}
    store_attributes = {"path", "read_only", "notices", "write_budget"}  # set in StoreBase.__init__
    return names | store_attributes


def test_every_public_name_of_the_store_is_in_exactly_one_group() -> None:
    seen: dict[str, str] = {}
    for group in GROUPS:
        for name in _members(group):
            assert name not in seen, f"{name} is in both {seen[name]} and {group.__name__}"
            seen[name] = group.__name__
    assert set(seen) == _public_names()


def test_each_method_has_the_signature_its_group_promises() -> None:
    for group in GROUPS:
        for name, promised in _members(group).items():
            if not callable(promised):
                continue
            actual = inspect.getattr_static(Store, name)
            assert str(inspect.signature(actual)) == str(inspect.signature(promised)), f"{group.__name__}.{name}"
