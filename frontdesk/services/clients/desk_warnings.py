"""What the desk must notice about a client wherever a client is shown: a special
visitor (a known trouble-maker, 特殊访客) and an allergy."""

from __future__ import annotations

from frontdesk.core.visitors import VisitorClass


class DeskWarnings:
    """What the desk must notice about a client: a special visitor, an allergy."""

    visitor_class: VisitorClass
    allergies: str

    @property
    def special_visitor(self) -> bool:
        return self.visitor_class is VisitorClass.SPECIAL

    @property
    def has_allergy(self) -> bool:
        return bool(self.allergies.strip())
