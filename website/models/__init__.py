from .pages import BasePage, ContactFormField, ContactPage, FAQPage, HomePage, StandardPage
from .site_settings import FooterSettings, NavigationSettings
from .users import User

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "FAQPage",
    "FooterSettings",
    "HomePage",
    "NavigationSettings",
    "StandardPage",
    "User",
]
