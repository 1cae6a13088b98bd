from surveys.forms.enrolment import AccessCodeForm, ConsentForm
from surveys.forms.survey import build_page_form_class

__all__ = ["AccessCodeForm", "ConsentForm", "build_page_form_class"]
