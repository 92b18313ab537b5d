"""The fixed cast: an admin, an editor of the project, an outsider; and their documents."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from reviewapp import services
from reviewapp.demo import DEMO_DIR
from reviewapp.models import Membership, Project

PASSWORD = "correct horse battery"


def demo_paragraphs(language: str) -> list[str]:
    """The demo article's paragraphs in `language`; paragraph N of each language match."""
    text = (DEMO_DIR / f"paris-talks.{language}.txt").read_text(encoding="utf-8")
    return [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests only need it to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, **extra: object) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture
def admin(db) -> User:
    return make_user("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db, project) -> User:
    user = make_user("editor")
    Membership.objects.create(project=project, user=user)
    return user


@pytest.fixture
def other_editor(db, project) -> User:
    user = make_user("second-editor")
    Membership.objects.create(project=project, user=user)
    return user


@pytest.fixture
def outsider(db) -> User:
    """Logged in, but a member of another project only."""
    user = make_user("outsider")
    elsewhere = Project.objects.create(name="Elsewhere")
    Membership.objects.create(project=elsewhere, user=user)
    return user


@pytest.fixture
def project(db) -> Project:
    return Project.objects.create(name="Newsdesk")


@pytest.fixture
def document(project, db):
    return services.document_create(
        project=project,
        title="Talks in Paris",
        source_lang="en",
        target_lang="ar",
        pairs=[
            services.SegmentPair(0, "Talks in Paris", "محادثات في باريس"),
            services.SegmentPair(
                1, "Ron Dermer met Asaad al-Shaibani.", "التقى الأمراض الجلدية بأسعد الشيباني."
            ),
            services.SegmentPair(1, "They discussed Sweida.", "وناقشا Sweida."),
            services.SegmentPair(2, "Israeli strikes continued.", "واستمرت الإضرابات الإسرائيلية."),
        ],
        user=None,
    )


@pytest.fixture
def segments(document):
    return list(document.segments().order_by("position"))


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def as_admin(admin) -> Client:
    return client_for(admin)


@pytest.fixture
def as_editor(editor) -> Client:
    return client_for(editor)


@pytest.fixture
def as_outsider(outsider) -> Client:
    return client_for(outsider)


@pytest.fixture
def as_anonymous(db) -> Client:
    return client_for(None)


HTMX = {"HTTP_HX_REQUEST": "true"}


def make_flag(segment, user, **fields):
    """A flag on the first three characters of the translation, unless told otherwise."""
    values = {
        "side": "target",
        "start": 0,
        "end": 3,
        "version": 0,
        "category": "other",
        "severity": "minor",
    }
    values.update(fields)
    return services.flag_create(segment=segment, user=user, **values)
