"""Typed errors carrying what a person needs to act on them (STYLE 8). UI and CLI format them."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is already a sentence for the user (no traceback is shown)."""


class DatabaseBusy(UserFacingError):
    """Another process holds the database for writing; try again shortly."""
