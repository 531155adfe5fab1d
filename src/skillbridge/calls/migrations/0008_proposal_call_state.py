"""The ranking's covering index: a call's proposals in review, ordered and filtered from
the index alone (models/proposals.py says why)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("calls", "0007_proposal_list_order")]

    operations = [
        migrations.RemoveIndex(model_name="proposal", name="calls_propo_call_id_9d9453_idx"),
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(
                fields=["call", "state"],
                include=("id", "title", "sector", "college"),
                name="proposal_call_state",
            ),
        ),
    ]
