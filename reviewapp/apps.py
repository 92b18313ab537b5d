from django.apps import AppConfig


class ReviewAppConfig(AppConfig):
    name = "reviewapp"
    verbose_name = "Translation review"
