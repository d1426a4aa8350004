"""Fragments about the rest of life: how the day felt overall, what helped, and the small filler of
an ordinary evening. Plus the `{slot}` values every pool shares.
"""

from __future__ import annotations

#: How a note opens, by that moment's mood (1-5).
OPENERS: dict[int, tuple[str, ...]] = {
    1: (
        "Awful day.", "Rough one.", "Horrible.", "Today was a lot.", "Not good.",
        "Worst day in ages.", "ugh.", "Barely got through it.", "Grim.",
    ),
    2: (
        "Long day.", "Meh.", "Hard going today.", "Heavy day.", "Bit of a slog.",
        "Not a great day", "tough one", "Tired day.", "Midweek slump.", "Could've been worse.",
    ),
    3: (
        "OK day.", "Fine, mostly.", "Middling.", "Ordinary day.", "Not bad, not great.",
        "Steady.", "Alright.", "so-so", "Normal sort of day.", "Quiet-ish.",
    ),
    4: (
        "Good day.", "Decent day actually.", "Felt lighter today.", "Pretty good.",
        "Nice one.", "Better than expected.", "Good shift.", "Quite a good day tbh.",
    ),
    5: (
        "Great day!", "Really good day.", "Lovely day.", "Best day in weeks.",
        "Brilliant.", "Felt like myself again.", "Buzzing.",
    ),
}

#: How a workday's morning note opens: before the first session, looking ahead.
MORNINGS = (
    "Early start.", "Up at 6.", "Coffee number two already.", "Full diary today.",
    "Train delayed, typing this on the platform.", "Dark when I left the house.",
    "Quick note before the first session.", "In the car park, five minutes before I go in.",
    "Deep breath before today.", "Looking at today's list.", "Feeling OK going in.",
    "Nice cycle in.", "Frosty windscreen, late already.", "Kids dropped off, onto work.",
    "Busy day ahead.", "Bit of a slow start.", "Today: {n_sessions} sessions and a review.",
    "Clear head this morning for once.", "Walking in with a podcast.", "Same old, same old.",
)

#: Care and coping, the things that help.
CARE: dict[str, tuple[str, ...]] = {
    "exercise": (
        "Went for a run after work, felt so much better",
        "Swim at lunchtime",
        "Long walk with the dog before work",
        "Gym after the shift, sweated it out",
        "Bike ride home instead of the bus",
        "yoga class this evening",
        "5k round the park, slow but done",
        "Cycled in, cycled home",
        "climbing session with friends after work",
        "Walked the long way home along the river",
        "Pilates, then a bath",
        "went for a jog, cleared my head",
        "Spin class at 6, worth it",
    ),
    "supervision": (
        "Supervision today really helped",
        "Took the case to supervision, felt held",
        "Good debrief with my supervisor",
        "Clinical supervision - talked through the risk stuff, much clearer now",
        "Reflective practice group was useful for once",
        "Supervisor reminded me it's not all on me",
        "Brought the after-hours texts to supervision, we made a plan",
        "Consultation with the psychologist helped me see it differently",
    ),
    "peer-support": (
        "Vented to a coworker at lunch, helped",
        "Colleague checked in on me after the session",
        "Tea and a moan with the team",
        "Peer support group at 4",
        "{colleague} brought me a coffee and listened",
        "Debriefed with a colleague in the car park",
    ),
    "mindfulness": (
        "Did a body scan before bed",
        "Ten minutes of meditation in the car before going in",
        "breathing exercise between sessions",
        "Grounding exercise on the bus",
        "Meditated with the app",
        "mindful walk at lunch, actually noticed the trees",
    ),
    "connection": (
        "Dinner with mum",
        "Phoned my sister for an hour",
        "Pub quiz with friends",
        "Cuddled up with my partner, watched something silly",
        "Saw an old friend for coffee",
        "Board games with the kids",
        "Family roast",
        "Long chat with my best friend",
        "Called my mom on the drive home",
    ),
    "rest": (
        "Slept well for once",
        "Had a lie-in",
        "Nap after work, needed it",
        "early night",
        "Did absolutely nothing and it was lovely",
        "Lazy morning in my pyjamas",
        "Slept in till 9, heaven",
    ),
    "hobby": (
        "Painting this evening",
        "Played guitar for an hour",
        "Choir practice #choir",
        "Baked bread",
        "Pottered at the allotment #allotment",
        "read a novel in the bath",
        "Knitting in front of the telly",
        "Worked on the jigsaw",
    ),
    "boundary-held": (
        "Logged off at 5 and didn't look back",
        "Turned down the extra group, felt good",
        "Said no to covering again",
        "Phone off at 6",
        "Left on time!",
        "Didn't answer the text until the morning",
        "Told my manager I can't take another referral",
    ),
    "meaningful-moment": (
        "{client} said our sessions changed things for them",
        "Breakthrough in the family session",
        "Got a thank-you card",
        "{client} laughed today for the first time in months",
        "Discharge session - they're doing so well",
        "Saw real progress with {client}",
        "Small win: {client} made it to the group",
    ),
}

#: Ordinary bits of a day that carry no tag; they make entries read like a person wrote them.
FILLER = (
    "Rain all day.", "Car park full again.", "Cold office.", "Bus was late.",
    "Fire alarm test at 10.", "Someone brought cake.", "Radiators still broken.",
    "Pizza for tea.", "New printer, same problems.", "Nice sunset on the drive home.",
    "Kids in bed early.", "Washing machine broke.", "Finished my book.", "Traffic was awful.",
    "forgot my umbrella", "Leaves everywhere.", "Dog needs a bath.", "cat sat on my laptop",
    "Bin day.", "The heating came on at last.", "Tried a new recipe.", "quiet evening",
    "Tidied the kitchen.", "Wore the new boots.", "Frost on the car.", "Long queue at the shop.",
)

CLOSERS = (
    "Tomorrow's another day.", "Bed.", "Onwards.", "That's it, switching off.",
    "Will see how tomorrow goes.", "Enough for today.", "Night.", "One day at a time.",
    "Going to bed early.", "teh end.", "Right, tea.", "Done.",
)

#: Deliberate slips people make when typing fast at the end of a shift (only on untagged words).
TYPOS = {"the": "teh", "really": "realy", "tomorrow": "tommorow", "definitely": "definately",
         "because": "becuase", "which": "whcih", "just": "jsut", "about": "abotu"}

SLOTS: dict[str, tuple[str, ...]] = {
    "client": (
        "a client", "one of my clients", "a young person I see", "a new referral",
        "a long-term client", "my 2pm", "a family I work with", "a teenager on my caseload",
        "an older client", "my last client", "the client from Tuesday",
    ),
    "colleague": (
        "a colleague", "my manager", "the duty worker", "the new starter", "my team lead",
        "a coworker", "the locum", "the receptionist",
    ),
    "late": ("7", "half 7", "8pm", "gone 8", "7:30", "nearly 9", "8.15", "after 7"),
    "night": ("10pm", "9:45", "half ten", "11pm", "10.30pm", "9pm", "nearly midnight"),
    "early": ("4", "4am", "5", "3am", "half 4", "3.30"),
    "time_day": ("11", "2pm", "lunchtime", "3", "half 4", "ten past 12"),
    "n_sessions": ("Six", "Seven", "5", "eight", "7", "Nine"),
    "n_small": ("two", "three", "4", "five"),
}
