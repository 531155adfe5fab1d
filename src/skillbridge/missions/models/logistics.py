from django.db import models
from django.utils.translation import gettext_lazy as _


class ChecklistItem(models.Model):
    """One logistics item of an on-site mission, open until an officer ticks it."""

    class Item(models.TextChoices):
        FLIGHT = "flight", _("flight booked")
        ACCOMMODATION = "accommodation", _("accommodation")
        TRANSPORT = "transport", _("local transport")
        INSURANCE = "insurance", _("travel insurance")
        PER_DIEM = "per_diem", _("per diem")
        HOST_CONTACT = "host_contact", _("host contact")

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="checklist"
    )
    item = models.CharField(_("item"), max_length=16, choices=Item.choices)
    done = models.BooleanField(_("done"), default=False)
    note = models.CharField(_("note"), max_length=200, blank=True)
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["mission", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mission", "item"], name="checklist_item_once"),
        ]

    def __str__(self) -> str:
        return self.get_item_display()


class ItineraryLeg(models.Model):
    """One step of the professional's journey (a flight, a drive, a night)."""

    mission = models.ForeignKey(
        "missions.Mission", on_delete=models.CASCADE, related_name="itinerary"
    )
    day = models.DateField(_("day"))
    description = models.CharField(_("what"), max_length=200)

    class Meta:
        verbose_name = _("itinerary step")
        verbose_name_plural = _("itinerary steps")
        ordering = ["mission", "day", "pk"]

    def __str__(self) -> str:
        return self.description


class CostLine(models.Model):
    """A budget line of the mission: what was planned and what it actually cost (RWF)."""

    class Category(models.TextChoices):
        TRAVEL = "travel", _("travel")
        ACCOMMODATION = "accommodation", _("accommodation")
        PER_DIEM = "per_diem", _("per diem")
        TRANSPORT = "transport", _("local transport")
        MATERIALS = "materials", _("training materials")
        OTHER = "other", _("other")

    mission = models.ForeignKey("missions.Mission", on_delete=models.CASCADE, related_name="costs")
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    description = models.CharField(_("description"), max_length=200)
    planned_rwf = models.PositiveBigIntegerField(_("planned (RWF)"))
    actual_rwf = models.PositiveBigIntegerField(_("actual (RWF)"), null=True, blank=True)

    class Meta:
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")
        ordering = ["mission", "pk"]

    def __str__(self) -> str:
        return self.description
