"""The shared project: what the actors of the territory are cooperating for.

The seed asks that the actors share the meaning of the project and common or crossed
interests, and that the project gets a « patte » of its own (a name, a way of working,
symbols) by which they recognise themselves. One record per store is expected; who
endorsed its statement is a list of :class:`Endorsement`.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from coop_tui.store.models.base import Line, Record, Text
from coop_tui.store.models.endorsement import Endorsement


class SharedProject(Record):
    """The project's statement, the interests it rests on, its « patte », its endorsers."""

    table: ClassVar[str] = "shared_project"

    statement: Text = ""
    common_interests: Text = ""
    crossed_interests: Text = ""
    patte_name: Line = ""
    way_of_working: Text = ""
    symbols: Text = ""
    endorsements: list[Endorsement] = Field(default_factory=list)

    def endorsed_by(self, actor_id: str) -> bool:
        return any(endorsement.actor_id == actor_id for endorsement in self.endorsements)
