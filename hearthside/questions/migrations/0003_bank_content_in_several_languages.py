from django.db import migrations, models


class Migration(migrations.Migration):
    """The bank's English texts move to *_en columns, and each row keeps its
    translations beside them; `load-questions` fills them in."""

    dependencies = [
        ("questions", "0002_daily_rows_are_set_aside_not_changed"),
    ]

    operations = [
        migrations.RenameField(model_name="category", old_name="name", new_name="name_en"),
        migrations.RenameField(
            model_name="category", old_name="description", new_name="description_en"
        ),
        migrations.RenameField(model_name="question", old_name="text", new_name="text_en"),
        migrations.AlterModelOptions(
            name="category",
            options={"ordering": ["order", "name_en"], "verbose_name_plural": "categories"},
        ),
        migrations.AddField(
            model_name="category",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="question",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
