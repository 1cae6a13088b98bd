"""Demo site: the home page, how it works, FAQ and contact pages, navigation, and staff accounts.

Idempotent: pages are found by slug and left alone if they exist, so staff edits survive a second
`make run`.
"""

import json

from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from website.models import ContactPage, FAQPage, FooterSettings, HomePage, NavigationSettings, User

DEMO_PASSWORD = "mentoring-demo-2026"  # noqa: S105 - printed for newcomers; demo only

STAFF_ACCOUNTS = [
    ("admin@example.org", "Ada", "Admin", None, True),
    ("editor@example.org", "Eddie", "Editor", "Editors", False),
    ("programadmin@example.org", "Priya", "Program-Admin", "Program administrators", False),
    ("researcher@example.org", "Rosa", "Researcher", "Researchers", False),
]

FIVE_STEPS = [
    (
        "Establish the relationship",
        "Agree on expectations and confidentiality, how you will meet (in person, phone, email or "
        "video), how often, and the date your partnership ends, about three months on.",
    ),
    (
        "Develop a plan",
        "Turn the mentee's goals into two or three learning objectives: what you will do, and how "
        "you will both know it worked.",
    ),
    (
        "Offer guidance and practise",
        "Meet as agreed. The mentor shares experience; the mentee practises the competency at "
        "work. A quick log after each meeting keeps track of progress.",
    ),
    (
        "Give and receive feedback",
        "Each tells the other what is working and what could be better, in a short "
        "structured form.",
    ),
    (
        "Final assessment and close",
        "Look back on the objectives, rate the partnership, and the mentee re-rates their level. "
        "Then close the partnership and celebrate it.",
    ),
]

FAQ = [
    (
        "Who can take part?",
        "Career development practitioners working in British Columbia, whatever their role or "
        "experience. Everyone can be a mentee, a mentor, or both at once in different areas.",
    ),
    (
        "Why is there a survey and two groups?",
        "The association is evaluating the program with a randomized study. After a short baseline "
        "survey the site places you in a group: Group 1 gets access at once; Group 2 gets access "
        "after the six-month follow-up survey. Comparing the groups tells us whether mentoring "
        "helps. You can always see where you stand and when access opens.",
    ),
    (
        "How is a mentor suggested to me?",
        "You choose a competency. Mentors appear if they rated themselves higher than you in it, "
        "are willing to mentor in it, and have room for another mentee. Suggestions explain why "
        "each mentor fits you.",
    ),
    (
        "What if a mentor doesn't answer?",
        "Requests expire after a few days with a reminder first, and you are shown the next best "
        "mentors. If no one matches yet, save your search and we will email you when someone does.",
    ),
    (
        "How much time does it take?",
        "About three months, meeting as often as you both agree, usually every two to three weeks "
        "for an hour. Short online forms keep track of each step and save as you go.",
    ),
    (
        "Who sees what I write?",
        "Your partnership notes are private to you and your partner. Researchers see survey "
        "answers under a code, never your name or email. Program staff see only whether a "
        "partnership is active.",
    ),
]


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _home_page(command):
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.objects.get(depth=1)
    # Wagtail's initial migration makes a placeholder "Welcome" page; the demo replaces it.
    placeholder = Page.objects.filter(depth=2, slug="home").exclude(
        content_type__model="homepage"
    )
    site = Site.objects.filter(is_default_site=True).first()
    for page in placeholder:
        page.slug = "welcome-placeholder"
        page.save()
    home = HomePage(
        title="Mentoring Partnerships",
        slug="home",
        introduction=(
            "A province-wide, self-directed mentoring program for career development "
            "practitioners, run by the association and evaluated with a randomized study."
        ),
        hero_heading="Grow as a practitioner, with a colleague who has been there",
        hero_text=(
            "<p>Find a mentor in any of the 11 competency areas of the Canadian Standards and "
            "Guidelines for Career Development Practitioners, or share what you know as a "
            "mentor. Partnerships run for about three months, in five clear steps.</p>"
        ),
        hero_cta_label="How it works",
    )
    _publish(root, home)
    if site:
        site.root_page = home
        site.site_name = "Mentoring Partnerships"
        site.save()
    for page in placeholder:
        page.delete()
    command.stdout.write("Created the home page.")
    return home


def _child(home, model, slug, **fields):
    existing = home.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    return _publish(home, model(slug=slug, **fields))


def _site_pages(home):
    from website.models import StandardPage

    how = _child(
        home,
        StandardPage,
        "how-it-works",
        title="How it works",
        introduction="From joining to closing a partnership, in plain steps.",
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": "<p>Join, answer a short survey, and learn your group at once. With "
                    "access, build your profile, rate yourself in each competency, follow the "
                    "training, and search for a mentor. When a mentor accepts, you work together "
                    "through five steps.</p>",
                },
                {
                    "type": "steps",
                    "value": {
                        "heading": "The five partnership steps",
                        "steps": [
                            {"title": title, "description": f"<p>{text}</p>"}
                            for title, text in FIVE_STEPS
                        ],
                    },
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Ready to take part?",
                        "text": "Joining takes about fifteen minutes, including the survey.",
                        "link_page": None,
                        "link_url": "/accounts/signup/",
                        "button_label": "Join the program",
                    },
                },
            ]
        ),
    )
    faq = _child(
        home,
        FAQPage,
        "faq",
        title="Frequently asked questions",
        introduction="What practitioners most often ask before they join.",
        questions=json.dumps(
            [
                {"type": "question", "value": {"question": q, "answer": f"<p>{a}</p>"}}
                for q, a in FAQ
            ]
        ),
    )
    contact = home.get_children().filter(slug="contact").first()
    if not contact:
        contact = ContactPage(
            slug="contact",
            title="Contact us",
            introduction="Questions about the program, your access or your partnership? Ask us.",
            thank_you_text="<p>Thank you. Program staff answer within two working days.</p>",
            to_address="mentoring@example.org",
            from_address="mentoring@example.org",
            subject="Message from the Mentoring Partnerships site",
            phone="604-555-0134",
            postal_address="Career Development Association\nVancouver, BC",
        )
        contact.form_fields.create(
            label="Your name", field_type="singleline", required=True, sort_order=0
        )
        contact.form_fields.create(
            label="Your email", field_type="email", required=True, sort_order=1
        )
        contact.form_fields.create(
            label="Message", field_type="multiline", required=True, sort_order=2
        )
        _publish(home, contact)
    return how, faq, contact


def _home_body(home, how, faq):
    if home.body or home.hero_cta_page_id:
        return
    home.hero_cta_page = how
    home.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Why mentoring", "level": "h2"}},
            _paragraph(
                "<p>Practitioners told us time, money and distance keep them from professional "
                "development. A mentor in another organization or region is a way around all "
                "three, on your own schedule.</p>"
            ),
            {"type": "heading", "value": {"text": "What you can do here", "level": "h2"}},
            _paragraph(
                "<ul><li>Find a mentor in a competency you want to grow in, or offer to mentor in "
                "one you know well.</li><li>Follow short training videos with one-page cheat "
                "sheets.</li><li>Run your partnership through five short steps that save as you "
                "go.</li></ul>"
            ),
            {
                "type": "call_to_action",
                "value": {
                    "title": "Questions first?",
                    "text": "Read the answers practitioners asked for most.",
                    "link_page": faq.pk,
                    "link_url": "",
                    "button_label": "Read the FAQ",
                },
            },
        ]
    )
    home.save_revision().publish()


def _navigation_and_footer(home, pages):
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    if not navigation.primary_links:
        # Short labels keep the header on one line beside the account links.
        labels = {"how-it-works": "How it works", "faq": "FAQ", "contact": "Contact"}
        navigation.primary_links = json.dumps(
            [
                {"type": "link", "value": {"page": page.pk, "label": labels.get(page.slug, "")}}
                for page in pages
            ]
        )
        navigation.save()
    footer = FooterSettings.for_site(site)
    if not footer.contact_email:
        footer.organisation_name = "Career Development Association"
        footer.contact_email = "mentoring@example.org"
        footer.text = (
            "<p>Mentoring Partnerships is the association's program for career development "
            "practitioners across British Columbia.</p>"
        )
        footer.links = json.dumps(
            [{"type": "link", "value": {"page": pages[-1].pk, "label": "Contact us"}}]
        )
        footer.save()


def _staff_accounts(command):
    from allauth.account.models import EmailAddress

    for email, first, last, group_name, is_superuser in STAFF_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    command.stdout.write(f"Demo staff accounts (password: {DEMO_PASSWORD}):")
    for email, *_ in STAFF_ACCOUNTS:
        command.stdout.write(f"  {email}")


def load(*, command, options):
    home = _home_page(command)
    how, faq, contact = _site_pages(home)
    _home_body(home, how, faq)
    _navigation_and_footer(home, [how, faq, contact])
    _staff_accounts(command)
