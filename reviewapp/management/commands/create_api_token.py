"""Create an API token for a user and print its key, which is shown this once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviewapp.api import api_token_create
from reviewapp.services import ReviewError


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print its key (it is not stored)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="What the token is for.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user named {options['username']!r}.")
        try:
            _, key = api_token_create(user=user, name=options["name"])
        except ReviewError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(key)
