"""Writes about a programme's documents: the partners on them and who signs them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from skillbridge.common.services import audit_record
from skillbridge.common.uploads import validate_upload
from skillbridge.programmes.models import DocumentPartner, Programme

LOGO_TYPES = (".png", ".jpg", ".jpeg")
# Logos travel inside every PDF: small ones keep the documents light.
LOGO_MAX_MB = 1


@transaction.atomic
def partner_add(*, actor, programme: Programme, name: str, logo=None) -> DocumentPartner:
    """Add a partner, last in the order, with its logo (PNG or JPEG, at most 1 MB)."""
    if not name.strip():
        raise ValidationError({"name": _("Give the partner's name.")})
    if logo is not None:
        try:
            validate_upload(logo, extensions=LOGO_TYPES, max_megabytes=LOGO_MAX_MB)
        except ValidationError as error:
            raise ValidationError({"logo": error.messages}) from None
    last = programme.document_partners.aggregate(last=Max("position"))["last"]
    partner = DocumentPartner.objects.create(
        programme=programme,
        name=name.strip(),
        logo=logo or "",
        position=0 if last is None else last + 1,
    )
    audit_record(
        actor=actor, action="programme.partner_added", target=programme, data={"name": partner.name}
    )
    return partner


@transaction.atomic
def partner_remove(*, actor, partner: DocumentPartner) -> None:
    """Take a partner off the programme's documents (documents already stored keep it)."""
    audit_record(
        actor=actor,
        action="programme.partner_removed",
        target=partner.programme,
        data={"name": partner.name},
    )
    if partner.logo:
        partner.logo.delete(save=False)
    partner.delete()


@transaction.atomic
def partner_move(*, actor, partner: DocumentPartner, up: bool) -> None:
    """Swap a partner with its neighbour in the order."""
    siblings = list(
        DocumentPartner.objects.select_for_update().filter(programme_id=partner.programme_id)
    )
    index = next(i for i, p in enumerate(siblings) if p.pk == partner.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    DocumentPartner.objects.bulk_update(siblings, ["position"])


@transaction.atomic
def signatory_set(*, actor, programme: Programme, name: str, title: str) -> Programme:
    """Set who signs the programme's documents, and their title."""
    programme.signatory_name = name.strip()
    programme.signatory_title = title.strip()
    programme.save(update_fields=["signatory_name", "signatory_title"])
    audit_record(
        actor=actor,
        action="programme.signatory_set",
        target=programme,
        data={"name": programme.signatory_name, "title": programme.signatory_title},
    )
    return programme
