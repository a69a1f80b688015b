"""The status report's section on the shared project: its statement and « patte », how
many member communes endorsed it, and, by choice, whom to thank; the facilitator's
reading of people (blockages left without an answer, tensions without a counterweight)
only when the private parts are asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coop_tui.core.i18n import _, ngettext

if TYPE_CHECKING:
    from coop_tui.core.exports.status import Section
    from coop_tui.core.insights.dashboard import Overview


def project_section(overview: Overview, include_private: bool,
                    thanks: bool) -> Section | None:
    """The section, or None while there is no statement, nothing to thank and nothing
    private asked for."""
    from coop_tui.core.exports.status import Block

    found = overview.human
    if found is None:
        return None
    blocks: list[Block] = []
    if found.statement:
        lines = [(line, "") for line in found.statement.splitlines() if line.strip()]
        if found.patte_name:
            lines.append((_("Known as"), found.patte_name))
        lines.append((_("Endorsed by"), _("{count} of {total} member communes").format(
            count=found.endorsed, total=found.communes)))
        blocks.append(Block(_("Statement"), lines))
    if thanks and found.thanks:
        blocks.append(Block(_("Thanks to"), [(", ".join(found.thanks), "")]))
    if include_private:
        quiet = [(line.actor_name, line.text) for line in found.quiet]
        if found.quiet_count > len(quiet):
            quiet.append((_("and {count} more").format(count=found.quiet_count - len(quiet)),
                          ""))
        blocks.append(Block(ngettext(
            "Blockage without an answer for {weeks} weeks ({count})",
            "Blockages without an answer for {weeks} weeks ({count})",
            found.quiet_count).format(weeks=found.quiet_weeks, count=found.quiet_count),
            quiet or [(_("Every blockage has moved recently."), "")]))
        blocks.append(Block(None, [(ngettext(
            "{count} tension without a counterweight", "{count} tensions without a "
            "counterweight", found.tensions).format(count=found.tensions), "")]))
    if not blocks:
        return None
    return (_("Shared project"), blocks)
