"""Participant-facing pages under /mentoring/, split by idea."""
