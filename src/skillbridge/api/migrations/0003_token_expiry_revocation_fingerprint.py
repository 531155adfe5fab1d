import django.utils.timezone
from django.db import migrations, models


def revoke_old_tokens(apps, schema_editor):
    # Tokens issued before this change skipped the second factor and never
    # expire: none of them is kept.
    apps.get_model("api", "ApiToken").objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0002_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [
        migrations.RunPython(revoke_old_tokens, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="apitoken",
            options={
                "ordering": ["-created_at"],
                "verbose_name": "API token",
                "verbose_name_plural": "API tokens",
            },
        ),
        migrations.AddField(
            model_name="apitoken",
            name="credentials",
            field=models.CharField(
                default="", max_length=64, verbose_name="credentials fingerprint"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now, verbose_name="expires"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="revoked_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="revoked"),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="created"),
        ),
        migrations.AlterField(
            model_name="apitoken",
            name="last_used_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last used"),
        ),
    ]
