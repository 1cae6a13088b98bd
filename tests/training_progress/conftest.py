import pytest

from tests.training.factories import (
    make_document,
    make_module,
    make_training_index,
    video_stream,
)
from tests.website.factories import make_home_page
from training.models import Audience
from training.progress.selectors import trackable_video_id


@pytest.fixture
def training(db):
    """An index with a mentor module that has an uploaded video, and two without one."""
    index = make_training_index(make_home_page())
    video = make_document("welcome.webm", b"webm bytes")
    mentor = make_module(
        index, title="Being a mentor", audience=Audience.MENTORS, video=video_stream(video=video)
    )
    mentee = make_module(index, title="Finding a mentor", audience=Audience.MENTEES)
    everyone = make_module(index, title="Feedback", audience=Audience.EVERYONE)
    return {"index": index, "mentor": mentor, "mentee": mentee, "everyone": everyone}


@pytest.fixture
def video_id(training):
    return trackable_video_id(training["mentor"])
