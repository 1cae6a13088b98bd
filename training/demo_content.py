"""The words of the demo training section, drawn from the pilot's final report.

Kept apart from the loader so the text can be read and edited as text.
"""


def point(title: str, text: str) -> dict:
    return {"type": "point", "value": {"title": title, "text": text}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def steps(title: str, items: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {
            "heading": title,
            "steps": [{"title": t, "description": f"<p>{d}</p>"} for t, d in items],
        },
    }


FIVE_STEPS = [
    (
        "Establish the relationship",
        "Agree on expectations, and on how and how often you will meet: in person, by phone, "
        "by email or by video call. Set the end date now; most partnerships run about three "
        "months.",
    ),
    (
        "Develop a plan",
        "Turn the mentee's goals into two or three learning objectives in the competency they "
        "asked for help with. Write them down together.",
    ),
    (
        "Offer guidance and practise",
        "Share what has worked for you, suggest resources, and give the mentee chances to "
        "practise the competency with real situations from their caseload.",
    ),
    (
        "Give and receive feedback",
        "Say what you saw and what it changed, and ask how the partnership is working for them. "
        "Adjust the plan if it is not.",
    ),
    (
        "Final assessment and closing",
        "Look back at the learning objectives, agree what was achieved and what comes next, and "
        "close the partnership on the agreed date.",
    ),
]

MODULES = [
    {
        "slug": "being-a-mentor",
        "title": "Being a mentor: the five steps",
        "audience": "mentors",
        "estimated_minutes": 15,
        "introduction": "What a partnership asks of a mentor, from the first conversation to "
        "the closing assessment.",
        "cheat_sheet": [
            point("Answer every request", "Accept or decline within a week."),
            point("Establish the relationship", "Expectations, how and how often to meet."),
            point("Develop a plan", "Two or three learning objectives from the mentee's goals."),
            point("Offer guidance and practise", "Share experience; set real tasks."),
            point("Give and receive feedback", "Specific, kind, both ways."),
            point("Close well", "Review the objectives on the agreed end date."),
        ],
        "guidance": [
            paragraph(
                "<p>Any participant can be a mentor in the competencies where they rated "
                "themselves higher than the person asking. You do not need to be an expert: "
                "practitioners in the pilot valued a colleague who could share a different "
                "perspective on the field, in confidence, outside their own workplace.</p>"
            ),
            heading("Before you say yes"),
            paragraph(
                "<p>Read the mentee's profile and the competency they chose. Accept only if you "
                "have the time for about three months of regular contact. Declining is fine: it "
                "lets the mentee move on to another mentor quickly. If you are too busy for now, "
                "mark yourself unavailable so you stop appearing in searches.</p>"
            ),
            steps("The five steps", FIVE_STEPS),
            heading("Keep it light"),
            paragraph(
                "<p>Pilot participants found long forms tedious. Each step here has one short "
                "form; fill it in together at the end of a meeting rather than afterwards.</p>"
            ),
        ],
    },
    {
        "slug": "getting-the-most-from-a-mentor",
        "title": "Getting the most from a mentor",
        "audience": "mentees",
        "estimated_minutes": 10,
        "introduction": "How to find a mentor, make a request they will want to accept, and "
        "keep the partnership moving.",
        "cheat_sheet": [
            point("Complete your profile", "Add a photo, your work history and your goals."),
            point("Rate yourself honestly", "Mentors appear only where they rated higher."),
            point("Search by competency", "Read a few profiles before choosing."),
            point("Write a clear request", "Say what you want to learn and how you like to meet."),
            point("Save your search", "You will be emailed when a matching mentor joins."),
            point("Bring goals to the first meeting", "Two or three, in your own words."),
        ],
        "guidance": [
            heading("Finding a mentor"),
            paragraph(
                "<p>Search in the competency you most want to grow in. A mentor appears only "
                "if they rated themselves higher than you in that competency, are willing to "
                "mentor in it and have room for another mentee. Read their profile: the "
                "client groups they serve and their region may matter as much as their level.</p>"
            ),
            paragraph(
                "<p>No match yet? Save the search instead of coming back to check. In the "
                "pilot, people searched the same competency again and again, and one gave up. "
                "We email you when a matching mentor joins.</p>"
            ),
            heading("Your part of the partnership"),
            paragraph(
                "<ul><li>Suggest how and how often to meet: in person, phone, email or video "
                "call.</li><li>Come to each meeting with a question or a situation from your "
                "work.</li><li>Practise between meetings and report back.</li><li>Ask for "
                "feedback, and give it: say what is helping.</li></ul>"
            ),
        ],
    },
    {
        "slug": "giving-and-receiving-feedback",
        "title": "Giving and receiving feedback",
        "audience": "everyone",
        "estimated_minutes": 12,
        "introduction": "Step four of every partnership, and the part mentors in the pilot "
        "asked most about.",
        "cheat_sheet": [
            point("Agree when", "Plan a feedback conversation; don't save it for the end."),
            point("Describe, don't judge", "Say what you saw or heard, with an example."),
            point("Say what it changed", "Name the effect on the client or on you."),
            point("Ask before advising", '"What would you try next time?"'),
            point("Receive it as information", "Listen, ask a question, thank them."),
            point("Agree one next step", "Write it in the partnership plan."),
        ],
        "guidance": [
            paragraph(
                "<p>Feedback was a major part of the pilot's training because it is where "
                "mentoring turns into changed practice. It runs both ways: mentees tell mentors "
                "what is helping, and mentors give specific, kind, usable observations.</p>"
            ),
            heading("Giving feedback"),
            paragraph(
                '<p>Be specific and recent. "In the intake role-play you asked three closed '
                'questions in a row, and the client stopped talking" helps; "work on your '
                "questions\" does not. Ask the other person's view before offering yours.</p>"
            ),
            heading("Receiving feedback"),
            paragraph(
                "<p>Listen to the end, ask for an example if you need one, and decide "
                "afterwards what to do with it. Thank the person: it is rarely easy to give.</p>"
            ),
        ],
    },
    {
        "slug": "a-profile-that-gets-noticed",
        "title": "A profile that gets noticed",
        "audience": "everyone",
        "estimated_minutes": 5,
        "introduction": "Five minutes that make the difference between being found and "
        "being passed over.",
        "cheat_sheet": [
            point("Add a photo", "Mentors with photos were far likelier to be contacted."),
            point("Say who you serve", "Client groups, region and setting."),
            point("Rate all eleven competencies", "Beginner, intermediate, advanced or expert."),
            point("Tick where you will mentor", "Only where you have time and experience."),
            point("Set your capacity", "How many mentees you can take at once."),
        ],
        "guidance": [
            paragraph(
                "<p>During the pilot the program manager noticed that mentors with a profile "
                "picture were contacted far more often than those without. Your profile shows "
                "how complete it is; aim for all of it.</p>"
            ),
        ],
    },
]

WEBINARS = [
    # (slug, title, days from today, hour in Pacific time, presenter, summary, details, recorded)
    (
        "mentoring-drop-in",
        "Mentor drop-in: your questions answered",
        7,
        10,
        "Program manager",
        "Bring your questions about requests, the five steps or the partnership forms.",
        "Mentors who have run a partnership share what they would do differently, then the "
        "rest of the hour is yours. Send a question in advance by replying to your invitation.",
        False,
    ),
    (
        "feedback-that-lands",
        "Giving feedback that lands",
        21,
        12,
        "Senior career development practitioner",
        "Practise step four with short role-plays, in pairs, with time for questions.",
        "We work through situations participants raised in the pilot: a partner who missed a "
        "meeting, fitting mentoring around a full caseload, and a mentee unsure what to ask.",
        False,
    ),
    (
        "welcome-to-the-program",
        "Welcome to Mentoring Partnerships",
        -14,
        10,
        "Program manager",
        "How the program works, what to expect from the study, and how to find a mentor.",
        "A tour of the site, the two study groups and why they exist, and a live search for a "
        "mentor, with questions throughout.",
        True,
    ),
    (
        "setting-goals-together",
        "Setting goals together",
        -35,
        12,
        "Program manager",
        "Turning a mentee's goals into learning objectives during step two.",
        'How to turn "get better at job development" into two or three objectives you can both '
        "recognise when they are met.",
        False,
    ),
]
