"""Loading a client inside a service's transaction: live clients only, one wording.

An anonymised client (erased on request) keeps their money records but is no
longer a client anyone can pick, book, check in, profile or print.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.db import locking
from frontdesk.errors import NotFound
from frontdesk.models import Client
from frontdesk.services.rows import fits


def live_client(s: Session, client_id: int, *, lock: bool = False) -> Client:
    """The client, or NotFound when there is none or they were anonymised.

    ``lock`` also takes the client's row lock (:func:`~frontdesk.db.locking`), the
    first lock of any transaction that takes one (the README's "Concurrency"). An id
    no client can have (2**63) is NotFound too.
    """
    if not fits(Client, client_id):
        raise NotFound("No client with number {id}.", field="client_id", id=client_id)
    query = select(Client).where(Client.id == client_id)
    client = s.scalar(locking(query) if lock else query)
    if client is None or client.anonymised_at is not None:
        raise NotFound("No client with number {id}.", field="client_id", id=client_id)
    return client
