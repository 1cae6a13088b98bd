"""A day's mix on the site: visitors reading training, mentees searching and asking, forms sent.

Users do not pause between tasks (constant(0)): the point is the server's capacity, so the plain
view run and the mix run both saturate it.

Run by benchmarks/load_test.py, which seeds the database and starts gunicorn; each run is bounded
by --run-time and only ever targets the loopback address it is given.
"""

import random
import re

from locust import HttpUser, constant, task

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MENTOR_LINK = re.compile(r'href="/mentoring/people/(\d+)/"')
DEMO_PASSWORD = "mentoring-demo-2026"
COMPETENCIES = [
    "professional_practices_ethics",
    "career_development_knowledge",
    "documentation_technology",
    "diverse_client_groups",
    "facilitation_skills",
    "job_search_strategies",
    "labour_market_knowledge",
    "leadership_supervisory",
]


def csrf_token(response):
    match = CSRF.search(response.text)
    return match.group(1) if match else ""


class Visitor(HttpUser):
    """Someone reading about the program and following the training."""

    weight = 3
    wait_time = constant(0)

    @task(3)
    def training(self):
        index = self.client.get("/training/")
        modules = re.findall(r'href="(/training/[a-z0-9-]+/)"', index.text)
        if modules:
            self.client.get(random.choice(modules), name="/training/[module]/")

    @task(2)
    def program_pages(self):
        for path in ("/", "/how-it-works/", "/faq/", "/webinars/"):
            self.client.get(path)

    @task(1)
    def contact_form(self):
        page = self.client.get("/contact/")
        self.client.post(
            "/contact/",
            {
                "csrfmiddlewaretoken": csrf_token(page),
                "your_name": "Load Test",
                "your_email": "load@example.org",
                "message": "How do I join the program?",
            },
            headers={"Referer": self.host + "/contact/"},
        )


class Mentee(HttpUser):
    """A participant with access searching for a mentor and sending a request."""

    weight = 2
    wait_time = constant(0)

    def on_start(self):
        page = self.client.get("/accounts/login/")
        self.client.post(
            "/accounts/login/",
            {
                "csrfmiddlewaretoken": csrf_token(page),
                "login": "mentee@example.org",
                "password": DEMO_PASSWORD,
            },
            headers={"Referer": self.host + "/accounts/login/"},
        )

    @task(4)
    def search(self):
        competency = random.choice(COMPETENCIES)
        results = self.client.get(
            f"/mentoring/find/?competency={competency}", name="/mentoring/find/?competency=[c]"
        )
        self.client.get(
            f"/mentoring/find/?competency={competency}&page=2",
            name="/mentoring/find/?competency=[c]&page=2",
        )
        mentors = MENTOR_LINK.findall(results.text)
        if mentors:
            mentor = random.choice(mentors)
            self.client.get(f"/mentoring/people/{mentor}/", name="/mentoring/people/[id]/")
            self._last = (competency, mentor)

    @task(1)
    def request_a_mentor(self):
        competency, mentor = getattr(self, "_last", (None, None))
        if not mentor:
            return
        url = f"/mentoring/people/{mentor}/request/?competency={competency}"
        form = self.client.get(url, name="/mentoring/people/[id]/request/")
        # Repeats hit the duplicate-request rule and come back as a form error: still a form filled.
        self.client.post(
            url,
            {
                "csrfmiddlewaretoken": csrf_token(form),
                "message": "I would like to learn how you run group workshops for youth.",
            },
            headers={"Referer": self.host + url},
            name="/mentoring/people/[id]/request/ (POST)",
        )

    @task(1)
    def own_pages(self):
        self.client.get("/mentoring/profile/")
        self.client.get("/partnerships/")


class Plain(HttpUser):
    """The baseline: a plain Django view on the same server, run on its own."""

    wait_time = constant(0)

    @task
    def plain(self):
        self.client.get("/bench/plain/")
