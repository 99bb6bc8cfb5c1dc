from django.apps import AppConfig


class DesignConfig(AppConfig):
    """The design system: the icon and avatar tags, the component templates
    (templates/components/) and the living style page at /style/."""

    name = "hearthside.design"
    label = "design"
