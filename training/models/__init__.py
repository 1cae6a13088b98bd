from .modules import Audience, TrainingIndexPage, TrainingModulePage
from .webinars import WebinarIndexPage, WebinarPage

__all__ = [
    "Audience",
    "TrainingIndexPage",
    "TrainingModulePage",
    "WebinarIndexPage",
    "WebinarPage",
]
