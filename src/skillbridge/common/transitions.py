"""State machines: one transition table per aggregate, one function that moves it.

Each aggregate with states (proposal, review assignment, grant, tranche,
pairing, mission, reporting period) declares a `Machine` beside its model:
which actions exist, from which states each may start, and where it leads.
Everything that asks "may this happen now?" asks the machine: the service
before it writes, `rules` predicates (`machine.allows("withdraw")`) for
templates, views and the API. Every move is written and audited by
`Machine.move`, with one audit vocabulary: `<noun>.<state reached>`, the
state before and after, and the action's name in the entry's data.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

import rules
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from skillbridge.common.services import audit_record


@dataclass(frozen=True)
class Transition:
    """An action: the states it may start from, the state it leads to, and why it is refused."""

    sources: frozenset[str]
    target: str
    refusal: str | Promise = field(default=_("This cannot be done at this stage."))

    def __init__(self, sources, target: str, refusal: str | Promise | None = None):
        object.__setattr__(self, "sources", frozenset(sources))
        object.__setattr__(self, "target", target)
        if refusal is not None:
            object.__setattr__(self, "refusal", refusal)


class Machine:
    """The transition table of one aggregate, and the one way to move it."""

    def __init__(self, noun: str, transitions: Mapping[str, Transition], *, field: str = "state"):
        self.noun = noun
        self.transitions = dict(transitions)
        self.field = field

    def __getitem__(self, action: str) -> Transition:
        return self.transitions[action]

    def can(self, obj: Model, action: str) -> bool:
        """Whether `obj`'s present state lets `action` start."""
        return getattr(obj, self.field) in self.transitions[action].sources

    def refuse_unless_can(self, obj: Model, action: str) -> None:
        """Raise the action's refusal, as a form-wide ValidationError, unless it may start."""
        if not self.can(obj, action):
            raise ValidationError({"__all__": self.transitions[action].refusal})

    def allows(self, action: str) -> rules.Predicate:
        """A rules predicate (user, obj): true when `obj`'s state lets `action` start."""
        self.transitions[action]  # a misspelt action fails when the rules load, not later

        @rules.predicate(name=f"{self.noun}_can_{action}")
        def predicate(user, obj) -> bool:
            return obj is not None and self.can(obj, action)

        return predicate

    def move(
        self,
        obj: Model,
        action: str,
        *,
        actor,
        data: dict | None = None,
        update_fields: tuple[str, ...] = (),
    ) -> str:
        """Check, write and audit `action` on `obj` (locked by the caller); return the old state.

        `update_fields` names the other fields the caller changed on `obj`
        for this step, saved in the same write.
        """
        self.refuse_unless_can(obj, action)
        before = getattr(obj, self.field)
        target = self.transitions[action].target
        setattr(obj, self.field, target)
        obj.save(update_fields=[self.field, *update_fields])
        audit_record(
            actor=actor,
            action=f"{self.noun}.{target}",
            target=obj,
            before=before,
            after=target,
            data={"transition": action, **(data or {})},
        )
        return before


@dataclass(frozen=True)
class Window:
    """Something done to an aggregate without moving it, allowed only while it is in `states`.

    A mission's work plan may change until it is approved; a coordinator
    confirms affiliations until eligibility is decided. The service refuses
    with `refusal` outside the window, and `allows()` is the rules predicate
    templates and views ask.
    """

    noun: str
    name: str
    states: frozenset[str]
    refusal: str | Promise
    field: str = "state"

    def is_open(self, obj: Model) -> bool:
        return getattr(obj, self.field) in self.states

    def refuse_unless_open(self, obj: Model) -> None:
        """Raise the refusal, as a form-wide ValidationError, unless the state allows it."""
        if not self.is_open(obj):
            raise ValidationError({"__all__": self.refusal})

    def allows(self) -> rules.Predicate:
        """A rules predicate (user, obj): true while `obj`'s state is in the window."""

        @rules.predicate(name=f"{self.noun}_{self.name}_open")
        def predicate(user, obj) -> bool:
            return obj is not None and self.is_open(obj)

        return predicate


def locked(obj: Model, *related: str) -> Model:
    """`obj` re-read under a row lock, `related` joined: a double click cannot move it twice."""
    rows = type(obj).objects.select_for_update(of=("self",))
    if related:  # select_related() with no names would join every relation
        rows = rows.select_related(*related)
    return rows.get(pk=obj.pk)
