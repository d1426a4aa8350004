"""One slug rule where there were six (issue 18), and the inputs on which the old ones disagreed.

Before: `tag_slug` (journal.domain.tags) for --tag, the store and the filter; a copy in the editor's
tag box that also cut a slug to 40 characters; `importers.slug` (tag_slug, None for ""); and three
rules for boundary kinds: the Kinds dialog's `slug_for` (punctuation and underscores become hyphens,
40 characters), the store's `add_boundary_kind` (lower case, spaces to hyphens, nothing else) and
`journal boundary --kind`'s lookup (underscores and hyphens to spaces, then as the store). Now tags
use `tag_slug` and kinds use `kind_slug`, which is `tag_slug` over the label's words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.tags import MAX_TYPED_TAG, kind_slug, tag_slug
from journal.storage import open_store
from journal.usecases.boundaries import kind_for

LONG = "#" + "a" * 45


def test_a_long_tag_is_one_tag_everywhere() -> None:
    """Used to differ: the editor made `a` x 40 of it, --tag and every importer `a` x 45, so the same
    words made two tags. Now the slug is whole everywhere; the app's tag boxes take at most
    MAX_TYPED_TAG characters instead (an input limit, not a second rule)."""
    from journal.cli.common import tag_name
    from journal.exchange.importers import manual_tags
    from journal.storage.entry_tags import normalise_tag_name

    assert tag_slug(LONG) == tag_name(LONG) == normalise_tag_name(LONG) == manual_tags([LONG])[0].name == "a" * 45
    assert MAX_TYPED_TAG == 40


#: label -> (old dialog slug_for, old store rule, old --kind lookup rule) -> the one slug now
DIFFERED = [
    (
        "Covering for a colleague!",
        ("covering-for-a-colleague", "covering-for-a-colleague!", "covering-for-a-colleague!"),
        "covering-for-a-colleague",
    ),
    ("under_score", ("under-score", "under_score", "under-score"), "under-score"),
    ("Weekend - e-mails", ("weekend-e-mails", "weekend---e-mails", "weekend-e-mails"), "weekend-e-mails"),
    ("Sleep (again)", ("sleep-again", "sleep-(again)", "sleep-(again)"), "sleep-again"),
]


@pytest.mark.parametrize(("label", "before", "now"), DIFFERED)
def test_a_boundary_kind_is_filed_typed_and_found_by_one_rule(
    label: str, before: tuple[str, str, str], now: str, tmp_path: Path
) -> None:
    assert len(set(before)) > 1, "these are the inputs on which the old rules disagreed"
    assert kind_slug(label) == now
    with open_store(tmp_path / "journal.db") as store:
        store.add_boundary_kind(label, label)  # the store files it as the dialog does
        assert now in store.boundary_kinds()
        kinds = store.boundary_kinds()
    assert kind_for(label, kinds) == now  # `--kind` with the label as written finds it
    assert kind_for(now, kinds) == now
    assert kind_for(now.replace("-", "_"), kinds) == now
