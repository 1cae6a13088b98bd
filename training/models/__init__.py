from training.choices import Audience

from .modules import TrainingIndexPage, TrainingModulePage
from .webinars import WebinarIndexPage, WebinarPage

__all__ = [
    "Audience",
    "TrainingIndexPage",
    "TrainingModulePage",
    "WebinarIndexPage",
    "WebinarPage",
]
