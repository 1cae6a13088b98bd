"""Both people of a new partnership walk the five steps to the close, each in their own browser.

Written for the study journey (test_study.py), which arrives here right after the mentor
accepted: the mentee and the mentor take turns the way the product asks them to, each step
confirmed by both before the next opens, and the last one closes the partnership.
"""

import datetime
import re

from playwright.sync_api import expect

MENTEE_OBJECTIVE = "Plan a first session with a young client who does not want to be there"


def open_partnership(page, who: str):
    """From "My partnerships", the card naming the other person (who mentors or is mentored)."""
    page.goto("/partnerships/")
    page.locator("main li.card").filter(has_text=re.compile(who, re.I)).get_by_role(
        "link"
    ).first.click()
    expect(page.locator("main h1")).to_contain_text("Partnership in")


def go_to_current_step(page, number: int, title: str):
    next_up = page.locator(".next-up")
    expect(next_up).to_contain_text(f"step {number}")
    next_up.get_by_role("link", name=f"Go to step {number}").click()
    expect(page.locator("main h1")).to_have_text(re.compile(f"Step {number}: {title}"))


def confirmed(page, step: int, title: str):
    """Confirming returns to the overview with a message naming the step."""
    expect(page.locator("main h1")).to_contain_text("Partnership in")
    expect(page.locator(".messages")).to_contain_text(
        f"You confirmed step {step}: {title}"
    )


def group(page, legend: str):
    return page.get_by_role("group", name=re.compile(legend, re.I))


def walk_five_steps(mentee, mentor, shots, axe, *, mentee_name: str, mentor_name: str):
    """mentee and mentor are signed-in pages of two browsers."""
    open_partnership(mentee, mentor_name)
    open_partnership(mentor, mentee_name)
    agreement(mentee, mentor, shots, axe)
    plan(mentee, mentor, shots, axe)
    practice(mentee, mentor, shots, axe)
    feedback(mentee, mentor, shots, axe, mentee_name=mentee_name, mentor_name=mentor_name)
    assessment(mentee, mentor, shots, axe, mentor_name=mentor_name)


def agreement(mentee, mentor, shots, axe):
    go_to_current_step(mentee, 1, "Establish the relationship")
    confirm = mentee.get_by_role("button", name="Save and confirm the agreement")
    # Confirming before anything is written is refused next to each field still missing.
    mentee.get_by_label("What you expect of each other").fill("")
    confirm.click()
    expect(mentee.locator("main .field--invalid").first).to_be_visible()
    expect(mentee.get_by_label("What you expect of each other")).to_have_attribute(
        "aria-invalid", "true"
    )
    shots.take(mentee, "agreement-refused-while-empty")
    axe(mentee)

    mentee.get_by_label("What you expect of each other").fill(
        "We both come prepared; I bring a case each time and Daniel asks the hard questions."
    )
    mentee.get_by_label("What stays between you").fill("Client details and anything personal.")
    group(mentee, "How you will meet").get_by_label("Video call").check()
    mentee.get_by_label("How often you will meet").fill("Every two weeks, for an hour")
    end_date = datetime.date.today() + datetime.timedelta(days=90)
    mentee.get_by_label("Planned end date").fill(end_date.isoformat())
    shots.take(mentee, "agreement-written")
    axe(mentee)
    confirm.click()
    confirmed(mentee, 1, "Establish the relationship")

    # The mentor reads what the mentee wrote and confirms it as it stands.
    go_to_current_step(mentor, 1, "Establish the relationship")
    expect(mentor.locator(".step-page__status")).to_contain_text("has confirmed this step")
    expect(mentor.get_by_label("How often you will meet")).to_have_value(
        "Every two weeks, for an hour"
    )
    shots.take(mentor, "mentor-reads-agreement")
    axe(mentor)
    mentor.get_by_role("button", name="Save and confirm the agreement").click()
    confirmed(mentor, 1, "Establish the relationship")


def plan(mentee, mentor, shots, axe):
    mentee.reload()
    go_to_current_step(mentee, 2, "Develop a plan")
    objective = mentee.locator("fieldset.objective").last
    objective.get_by_label("Learning objective").fill(MENTEE_OBJECTIVE)
    mentee.get_by_role("button", name="Save draft").click()
    expect(mentee.locator(".messages")).to_contain_text(
        "Draft saved"
    )
    # Clicking Save draft straight after typing also sets off an autosave: still one objective.
    expect(mentee.locator("fieldset.objective")).to_have_count(2)
    # A plan whose objective lacks its competency, activities and measure cannot be confirmed.
    mentee.get_by_role("button", name="Save and confirm the plan").click()
    expect(mentee.locator("main")).to_contain_text(re.compile("fill this in|required", re.I))
    expect(mentee.locator("fieldset.objective").first.get_by_label("Learning objective"))\
        .to_have_value(MENTEE_OBJECTIVE)
    shots.take(mentee, "plan-incomplete")
    axe(mentee)

    objective = mentee.locator("fieldset.objective").first
    competency = objective.get_by_label("Competency it builds")
    competency.select_option(index=1)
    objective.get_by_label("Activities").fill("Shadow two of Daniel's first sessions.")
    objective.get_by_label("How we will know it worked").fill(
        "I run a first session on my own and the client books a second."
    )
    shots.take(mentee, "plan-written")
    axe(mentee)
    mentee.get_by_role("button", name="Save and confirm the plan").click()
    confirmed(mentee, 2, "Develop a plan")

    mentor.reload()
    go_to_current_step(mentor, 2, "Develop a plan")
    section = mentor.locator("section.objective").filter(has_text=MENTEE_OBJECTIVE)
    section.get_by_label("Your comment").fill("Good; read the intake notes before each session.")
    section.get_by_role("button", name="Add comment").click()
    expect(mentor.locator("main")).to_contain_text("read the intake notes")
    shots.take(mentor, "mentor-comments-on-plan")
    axe(mentor)
    mentor.get_by_role("button", name="Confirm the plan").click()
    confirmed(mentor, 2, "Develop a plan")


def practice(mentee, mentor, shots, axe):
    mentor.reload()
    go_to_current_step(mentor, 3, "Guidance and practice")
    # Nothing written in "What you covered": refused there, the date and mode kept.
    mentor.get_by_role("button", name="Log the meeting").click()
    expect(mentor.get_by_label("What you covered")).to_have_attribute("aria-invalid", "true")
    mentor.get_by_label("What you covered").fill("Walked through an intake; Noor led the close.")
    mentor.get_by_label(re.compile("^Progress on")).fill("Planned the opening questions.")
    mentor.get_by_role("button", name="Log the meeting").click()
    expect(mentor.locator("main")).to_contain_text("Meetings so far (1)")
    shots.take(mentor, "meeting-logged")
    axe(mentor)
    mentor.get_by_role("button", name="Confirm: move on to feedback").click()
    confirmed(mentor, 3, "Guidance and practice")

    mentee.reload()
    go_to_current_step(mentee, 3, "Guidance and practice")
    expect(mentee.locator("main")).to_contain_text("Noor led the close")
    mentee.get_by_role("button", name="Confirm: move on to feedback").click()
    confirmed(mentee, 3, "Guidance and practice")


def give_feedback(page, *, strengths: str, rating: str):
    page.get_by_label("What went well").fill(strengths)
    page.get_by_label("What could be better").fill("More time for questions at the end.")
    group(page, "how was working with them").get_by_label(rating).check()
    page.get_by_role("button", name="Submit my feedback").click()
    expect(page.locator("main h1")).to_contain_text("Partnership in")


def feedback(mentee, mentor, shots, axe, *, mentee_name: str, mentor_name: str):
    mentee.reload()
    go_to_current_step(mentee, 4, "Feedback")
    shots.take(mentee, "feedback-form")
    axe(mentee)
    give_feedback(mentee, strengths="Patient, and honest about his own mistakes.",
                  rating="5 – Excellent")
    # Until the mentor submits, the mentee sees only that they are waiting.
    mentee.goto(mentee.url.rstrip("/") + "/feedback/")
    expect(mentee.locator(".step-page__status")).to_contain_text("once they submit theirs")

    mentor.reload()
    go_to_current_step(mentor, 4, "Feedback")
    give_feedback(mentor, strengths="Came prepared with a real case every time.",
                  rating="4 – Very good")

    mentee.reload()
    expect(mentee.locator("main")).to_contain_text(f"Feedback from {mentor_name}")
    expect(mentee.locator("main")).to_contain_text("Came prepared with a real case")
    shots.take(mentee, "feedback-exchanged")
    axe(mentee)


def assess(page, *, mentee: bool):
    group(page, "^Quality").get_by_label("4 – Very good").check()
    group(page, "^Effectiveness").get_by_label("4 – Very good").check()
    group(page, "^Your satisfaction").get_by_label("5 – Very satisfied").check()
    if mentee:
        levels = page.get_by_role("group", name=re.compile("^Your level now in"))
        for index in range(levels.count()):
            levels.nth(index).get_by_label("Advanced").check()
    page.get_by_label("Anything else").fill("Worth every evening.")
    page.get_by_role("button", name="Submit my final assessment").click()
    expect(page.locator("main h1")).to_contain_text("Partnership in")


def assessment(mentee, mentor, shots, axe, *, mentor_name: str):
    mentee.goto(mentee.url.removesuffix("feedback/"))
    go_to_current_step(mentee, 5, "Final assessment")
    levels = mentee.get_by_role("group", name=re.compile("^Your level now in"))
    expect(levels.first).to_be_visible()
    shots.take(mentee, "final-assessment")
    axe(mentee)
    assess(mentee, mentee=True)

    mentor.reload()
    go_to_current_step(mentor, 5, "Final assessment")
    assess(mentor, mentee=False)

    # The close: both see the partnership completed, with every step done.
    for page, who in ((mentor, "mentor"), (mentee, "mentee")):
        page.reload()
        expect(page.locator("main")).to_contain_text(re.compile("completed", re.I))
        expect(page.locator(".stepper__item--done")).to_have_count(5)
        shots.take(page, f"partnership-closed-{who}")
        axe(page)
    mentee.goto("/partnerships/")
    card = mentee.locator("main li.card").filter(has_text=mentor_name)
    expect(card.locator(".badge")).to_have_text(re.compile("completed", re.I))
