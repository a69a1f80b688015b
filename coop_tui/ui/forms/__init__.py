"""The form toolkit every form is built on: the draft-keeping base form, the row of a
field, the field-error line and where the model's errors go, the actor field, the date
field, and the shared look (``forms.tcss``)."""

from coop_tui.ui.forms.actor_field import ActorField
from coop_tui.ui.forms.base import FORMS_CSS, RecordForm
from coop_tui.ui.forms.dates import DateField, typed_date
from coop_tui.ui.forms.errors import FieldError, field_errors, route_errors
from coop_tui.ui.forms.rows import form_row

__all__ = [
    "FORMS_CSS",
    "ActorField",
    "DateField",
    "FieldError",
    "RecordForm",
    "field_errors",
    "form_row",
    "route_errors",
    "typed_date",
]
