"""E-mail drafts (.eml, RFC 5322, UTF-8) that the user opens in Thunderbird or Outlook.

coop-tui sends nothing: it writes a message to the people of a meeting who have an e-mail
address in the actor map, with a short body in the meeting's language and the document
attached. Two drafts: the minutes of a meeting held (to everyone on its attendance list,
the excused and the represented too), and the convocation of a meeting to come (to its
attendance list, or else to that of the last meeting of its kind), with its .ics event.

``X-Unsent: 1`` makes Outlook open the file as a draft to send; Thunderbird opens it as a
message ("Edit as New Message"). The sender is the facilitator when their address is known;
otherwise the mail client fills it in. Names go through :mod:`email.headerregistry`, so a
typed name is quoted and encoded, never read as an address or a header.
"""

from __future__ import annotations

from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import format_datetime, make_msgid

from coop_tui.core.exports.formats import DocumentFormat
from coop_tui.core.exports.minutes import (
    MinutesSource,
    Template,
    file_name,
    kind_slug,
    language_as,
    render_bytes,
)
from coop_tui.core.i18n import Language, _, format_date, pgettext
from coop_tui.core.meeting_rules import previous_of_kind
from coop_tui.store.models import Actor, Meeting, utc_now

MIME_TYPES = {
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("application", "pdf"),
}


def _address(actor: Actor | None) -> Address | None:
    if actor is None or not actor.contact.email:
        return None
    user, _at, domain = actor.contact.email.partition("@")
    try:
        return Address(display_name=actor.name, username=user, domain=domain)
    except (ValueError, IndexError):
        return None


def recipients(source: MinutesSource, meeting: Meeting) -> list[Address]:
    """Everyone on ``meeting``'s attendance list with an e-mail address, once each."""
    found: dict[str, Address] = {}
    for row in meeting.attendance:
        address = _address(source.actors.get(row.actor_id))
        if address is not None:
            found.setdefault(address.addr_spec.lower(), address)
    return list(found.values())


def _message(source: MinutesSource, subject: str, to: Iterable[Address],
             body: str) -> EmailMessage:
    message = EmailMessage(policy=SMTPUTF8)
    message["Subject"] = subject
    sender = _address(source.actors.get(source.meeting.facilitator_id or ""))
    if sender is not None:
        message["From"] = sender
    listed = list(to)
    if listed:
        message["To"] = listed
    message["Date"] = format_datetime(utc_now())
    message["Message-ID"] = make_msgid(domain="coop-tui.invalid")
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    return message


def _signature(source: MinutesSource) -> str:
    chair = source.name(source.meeting.facilitator_id)
    return f"\n\n{_('Kind regards,')}\n{chair}\n" if chair else f"\n\n{_('Kind regards,')}\n"


def minutes_subject(source: MinutesSource, template: Template) -> str:
    meeting = source.meeting
    kind = {"decisions": _("Record of decisions"), "pv": _("Procès-verbal"),
            "deliberations": _("List of deliberations")}.get(template, _("Minutes"))
    return _("{document}: {title}").format(document=kind, title=meeting.title)


def minutes_draft(source: MinutesSource, template: Template = "full",
                  attach: DocumentFormat = "pdf", lang: Language | None = None) -> bytes:
    """The minutes of a meeting held, attached to a draft to its attendance list."""
    meeting = source.meeting
    with language_as(lang or source.territory.language):
        attachment = render_bytes(source, template, attach)
        body = _("Hello,\n\nPlease find attached {document} of the meeting « {title} » "
                 "of {date}.").format(document=_document_name(template), title=meeting.title,
                                      date=format_date(meeting.on, "full"))
        message = _message(source, minutes_subject(source, template),
                           recipients(source, meeting), body + _signature(source))
        attached_as = file_name(meeting, attach)
    main, sub = MIME_TYPES[attach]
    message.add_attachment(attachment, maintype=main, subtype=sub, filename=attached_as)
    return bytes(message)


def _document_name(template: Template) -> str:
    return {"decisions": _("the record of decisions"), "pv": _("the procès-verbal"),
            "deliberations": _("the list of deliberations")}.get(template, _("the minutes"))


def convocation_draft(source: MinutesSource, lang: Language | None = None) -> bytes:
    """The convocation of a meeting to come, its agenda in the body and its event attached
    (.ics), to its attendance list or else to the last meeting of its kind's."""
    from coop_tui.core.exports.ics import calendar_ics
    from coop_tui.core.exports.minutes import time_range

    meeting = source.meeting
    invited = meeting if meeting.attendance else (
        previous_of_kind(source.meetings, meeting) or meeting)
    with language_as(lang or source.territory.language):
        when = ", ".join(part for part in (format_date(meeting.on, "full"),
                                           time_range(meeting.start, meeting.end)) if part)
        lines = [_("Hello,"), "",
                 _("You are invited to the meeting « {title} » on {when}.").format(
                     title=meeting.title, when=when)]
        if meeting.place:
            lines.append(_("Place: {place}").format(place=meeting.place))
        if meeting.agenda:
            lines += ["", _("Agenda:")]
            lines += [f"{number}. {item.title}"
                      for number, item in enumerate(meeting.agenda, start=1)]
        lines += ["", _("The event is attached: open it to add it to your calendar.")]
        message = _message(source, _("Convocation: {title}").format(title=meeting.title),
                           recipients(source, invited), "\n".join(lines) + _signature(source))
        calendar = calendar_ics(source.territory, [meeting], [])
        attached_as = pgettext("invitation file name", "{day}-{kind}").format(
            day=meeting.on.isoformat(), kind=kind_slug(meeting.kind)) + ".ics"
    message.add_attachment(calendar.encode("utf-8"), maintype="text", subtype="calendar",
                           filename=attached_as,
                           params={"method": "PUBLISH", "charset": "utf-8"})
    return bytes(message)
