"""Writes, split by idea: profiles, photos, saved searches, requests."""
