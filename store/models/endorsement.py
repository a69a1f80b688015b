"""Who endorsed a shared text: the project statement, a commitment of the pacte's charter.

One model for every endorsement, so that the shared project (the human levers) and the
charter of the pacte financier et fiscal (the regulatory levers) count endorsements the
same way, and a meeting's record can list what was endorsed there.
"""

from __future__ import annotations

from coop_tui.store.models.base import Day, Line, Part, RecordId


class Endorsement(Part):
    """An actor (a mayor, a delegate, a council) who endorsed a text, on a day.

    ``meeting_id`` names the meeting where it was endorsed, when it was in one; ``note``
    says how otherwise (« délibération du conseil municipal », « par courrier »).
    """

    actor_id: RecordId
    day: Day
    meeting_id: RecordId | None = None
    note: Line = ""
