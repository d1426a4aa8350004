"""Keeping the journal safe: `journal backup`, `journal encrypt`, `journal decrypt`, `journal passphrase`.

Passphrases come from a no-echo terminal prompt (a new one is typed twice) or, for scripts, from
$JOURNAL_PASSPHRASE (the current one) and $JOURNAL_NEW_PASSPHRASE (a new one). Never from the command
line, where anyone on the machine could read them in the process list. The environment is weaker
too (it can leak into child processes and crash reports), which the README says.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from journal.cli.common import (
    PASSPHRASE_ENV,
    UserError,
    db_option,
    existing_journal,
    interactive,
    open_journal,
)

if TYPE_CHECKING:
    from journal.domain.models import Entry
    from journal.storage import Store

F = TypeVar("F", bound=Callable[..., Any])
NEW_PASSPHRASE_ENV = "JOURNAL_NEW_PASSPHRASE"
MIN_LENGTH = 8
NO_RECOVERY = (
    "Nobody can open an encrypted journal without its passphrase, and there is no way to recover it; "
    "keep it somewhere safe."
)


def _existing(ctx: click.Context) -> Path:
    return existing_journal(ctx)


def _encrypted(path: Path) -> bool:
    from journal.storage.crypto import is_encrypted

    return is_encrypted(path)


def current_passphrase() -> str:
    """The passphrase that opens the journal now: $JOURNAL_PASSPHRASE, else a no-echo prompt."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not interactive():
        raise UserError(f"This journal is encrypted; run this in a terminal or set {PASSPHRASE_ENV}.")
    return str(click.prompt("Passphrase for this journal", hide_input=True, err=True))


def new_passphrase(*fallback_envs: str) -> str:
    """A new passphrase: $JOURNAL_NEW_PASSPHRASE (or a fallback variable), else typed twice unseen."""
    for name in (NEW_PASSPHRASE_ENV, *fallback_envs):
        if os.environ.get(name):
            typed = os.environ[name]
            break
    else:
        if not interactive():
            raise UserError(f"Run this in a terminal to choose a passphrase, or set {NEW_PASSPHRASE_ENV}.")
        click.echo(NO_RECOVERY, err=True)
        return str(
            click.prompt(
                "New passphrase",
                hide_input=True,
                confirmation_prompt="Type it once more",
                err=True,
                value_proc=_long_enough,
            )
        )
    try:
        return _long_enough(typed)
    except click.UsageError as error:
        raise UserError(error.message) from None


def _long_enough(typed: str) -> str:
    """Refuse a passphrase too short to resist guessing (on a terminal, click asks again)."""
    if len(typed) < MIN_LENGTH:
        raise click.UsageError(
            f"Choose a passphrase of at least {MIN_LENGTH} characters; a few words you will remember work well."
        )
    return typed


@click.command()
@click.argument("dest", required=False, type=click.Path(path_type=Path))
@db_option
@click.pass_context
def backup(ctx: click.Context, dest: Path | None) -> None:
    """Copy the journal safely, even while the app is open.

    DEST is a file or a folder; by default a dated copy goes in a `backups` folder beside the journal.
    An encrypted journal's backup is encrypted with the same passphrase.

    \b
    Examples:
      journal backup
      journal backup /media/usb/journal-2026-12.db
    """
    path = _existing(ctx)
    with open_journal(path, create=False) as store:
        target = store.backup(dest)
        encrypted = store.encrypted
    click.echo(f"Backed up to {target}" + (" (encrypted with the same passphrase)." if encrypted else "."))


def _older_copies(path: Path) -> int:
    """How many backups lie in the usual places, made before the journal was encrypted."""
    folder = path.parent / "backups"
    found = list(folder.glob(f"{path.stem}-*")) if folder.is_dir() else []
    return len(found) + len(list(path.parent.glob(f"{path.name}.before-v*.bak")))


@click.command()
@db_option
@click.pass_context
def encrypt(ctx: click.Context) -> None:
    """Encrypt the journal with a passphrase (asked twice, never shown).

    \b
    Examples:
      journal encrypt
      JOURNAL_NEW_PASSPHRASE=... journal encrypt   (in a script)
    """
    from journal.storage.crypto import encrypt as convert

    path = _existing(ctx)
    if _encrypted(path):
        raise UserError("This journal is already encrypted; `journal passphrase` changes its passphrase.")
    convert(path, new_passphrase(PASSPHRASE_ENV))
    click.echo(f"Encrypted. From now on the journal at {path} asks for its passphrase.")
    older = _older_copies(path)
    if older:
        click.echo(
            f"Note: backups made before now are not encrypted ({older} found); delete them once you "
            "no longer need them.",
            err=True,
        )


@click.command()
@db_option
@click.pass_context
def decrypt(ctx: click.Context) -> None:
    """Remove the journal's encryption (asks for its passphrase).

    \b
    Examples:
      journal decrypt
    """
    from journal.storage.crypto import decrypt as convert

    path = _existing(ctx)
    if not _encrypted(path):
        raise UserError("This journal is not encrypted; there is nothing to decrypt.")
    convert(path, current_passphrase())
    click.echo(f"Decrypted. The journal at {path} opens without a passphrase now.")


@click.command()
@db_option
@click.pass_context
def passphrase(ctx: click.Context) -> None:
    """Change the passphrase of an encrypted journal.

    \b
    Examples:
      journal passphrase
    """
    from journal.storage.crypto import change_passphrase

    path = _existing(ctx)
    if not _encrypted(path):
        raise UserError("This journal is not encrypted; `journal encrypt` gives it a passphrase.")
    old = current_passphrase()
    # Check the old one before asking for a new one, so nobody types a new passphrase twice for nothing.
    open_journal_with(path, old)
    change_passphrase(path, old, new_passphrase())
    click.echo("Passphrase changed. The old one no longer opens the journal.")


def open_journal_with(path: Path, phrase: str) -> None:
    from journal.storage import open_store

    open_store(path, passphrase=phrase, create=False).close()


COMMANDS = (backup, encrypt, decrypt, passphrase)


# --- the confidentiality guard before a save ------------------------------------------------------


def redact_option(func: F) -> F:
    return click.option(
        "--redact",
        is_flag=True,
        help="Swap details that could identify someone (phone numbers, addresses...) for placeholders.",
    )(func)


def guard_entry(store: Store, entry: Entry, *, redact_found: bool) -> str | None:
    """Check the entry's text before it is saved; redact it if asked. Returns a line for stderr, or None.

    Never blocks a save: the writer decides. The line quotes a little of their own text back to
    them (on their own terminal), so they can see what was meant.
    """
    from journal.cli.render import one_line
    from journal.domain.confidentiality import describe, redact
    from journal.usecases.entries import confidential_findings

    findings = confidential_findings(store, entry.text)
    if not findings:
        return None
    said = one_line(describe(findings), 160)
    if redact_found:
        entry.text = redact(entry.text, findings)
        return f"Redacted before saving: {said}."
    return (
        f"Heads up, this may identify someone: {said}. Saved as written; --redact swaps such details for placeholders."
    )
