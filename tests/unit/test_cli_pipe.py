"""``frontdesk find … | head``: the reader goes away, the command stops quietly."""

from __future__ import annotations

import pytest

from frontdesk.cli import SIGPIPE_EXIT
from frontdesk.db import Database
from frontdesk.services.registry import Services
from tests.edge_inputs import Store, build_store, find_into_closed_pipe


@pytest.fixture
def store(services: Services) -> Store:
    return build_store(services)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["flush-at-the-end", "each-print"])
def test_find_into_a_pipe_whose_reader_has_gone_exits_quietly(
        store: Store, db: Database, unbuffered: bool) -> None:
    """``frontdesk find 王 | head -1`` printed a BrokenPipeError traceback; now it stops as
    ``grep`` does, with the status a shell gives a process ended by SIGPIPE."""
    assert find_into_closed_pipe(db.url, unbuffered=unbuffered) == (SIGPIPE_EXIT, "")
