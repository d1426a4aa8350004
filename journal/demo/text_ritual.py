"""Fragments for boundary notes and the end-of-shift ritual's answers."""

from __future__ import annotations

#: Short boundary-log notes by boundary kind and outcome.
BOUNDARY_NOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "after-hours-contact": {
        "held": (
            "Client texted at {night}. Left it til morning.",
            "Work phone off at 6, stayed off.",
            "Saw the work app light up after dinner, didn't open it",
            "Let the call ring out",
        ),
        "bent": (
            "Read the message at {night}, didn't reply til morning but it sat with me",
            "Quick reply to my manager at {night}, just a thumbs up",
            "Checked the work phone once in the evening",
            "Glanced at the team chat after tea",
        ),
        "crossed": (
            "Replied to a client text at {night}",
            "Took a work call at {night}",
            "Answered work messages in bed",
            "texted me at {night} and I rang back",
            "Logged on at {night} to sort a referral",
            "Work call at {night}, 40 mins",
        ),
    },
    "overtime": {
        "held": (
            "Left on time even with a to-do list",
            "Out the door at 5 on the dot",
            "Said it could all wait and went home",
        ),
        "bent": (
            "Stayed 30 mins after my last session",
            "Left at half 6, not terrible",
            "Stayed a bit for the handover",
        ),
        "crossed": (
            "Didn't leave until {late}",
            "Stayed late to cover the duty phone",
            "Worked til {late}, unpaid",
            "Another 11 hour day",
        ),
    },
    "skipped-break": {
        "held": (
            "Took my full lunch break outside",
            "Proper lunch away from my desk",
            "Blocked out a break and kept it",
        ),
        "bent": ("Half a lunch break", "Ate lunch with the duty phone in my hand"),
        "crossed": ("No lunch break at all", "Ate at my desk again", "Skipped lunch for an extra session"),
    },
    "extra-responsibility": {
        "held": (
            "Said no to taking on the new group",
            "Turned down chairing the meeting",
            "Didn't volunteer for the working group this time",
        ),
        "bent": ("Agreed to cover one duty slot, only one", "Said I'd look at the rota, maybe"),
        "crossed": (
            "Took on another referral over my cap",
            "Ended up covering the whole duty day",
            "Said yes to the working group. Why",
        ),
    },
    "personal-contact-details": {
        "held": ("Client asked for my mobile, gave the office line instead", "Declined a follow request on Instagram"),
        "bent": ("Gave my work mobile, not the personal one", "Gave the team's number, with the usual caveats"),
        "crossed": ("Gave my personal number in a crisis. Need to sort that out",),
    },
    "over-involvement": {
        "held": ("Noticed I wanted to rescue, stayed in my role", "Handed the housing stuff back to the right team"),
        "bent": (
            "Drove past their street on the way home. Just to check.",
            "Spent my lunch ringing round on their behalf",
        ),
        "crossed": ("Bought them a food shop with my own money", "Went to the hospital on my day off to check on them"),
    },
    "checking-email-on-leave": {
        "held": ("Out-of-office on, didn't check once",),
        "bent": ("Peeked at work messages on holiday, no replies",),
        "crossed": ("Answered three work messages from the beach",),
    },
}

GOOD_THINGS = (
    "{client} smiled when they left",
    "A thank-you card on my desk",
    "Made a colleague laugh",
    "Really good session with {client}",
    "Cleared my to-do list",
    "Left on time",
    "Supervisor said I'm doing well",
    "The sun came out at lunch",
    "Team brought in cake",
    "A quiet hour to think",
    "{client} made it to their appointment",
    "Nice chat in the kitchen",
    "Managed a proper lunch break",
    "{client} said they felt heard",
    "The group went really well",
    "Someone said I'd helped",
    "Finished the thing I'd been putting off",
    "Good cup of coffee",
    "Sorted a housing problem for {client}",
    "Walked in the sunshine between visits",
    "Family session ended with a hug between them",
    "Remembered to drink water",
    "A colleague thanked me for covering",
    "Saw a robin in the car park",
    "Nothing, really. I showed up.",
)

PARKED = (
    "ring the GP surgery about the letter",
    "finish risk assessment",
    "chase the housing referral",
    "book supervision",
    "reply to the school",
    "update care plan",
    "write up the family session",
    "send the discharge letter",
    "check the duty rota for next week",
    "ask about the training day",
    "email the psychiatrist",
    "sort out the group room booking",
    "finish case notes from today",
    "follow up the safeguarding referral",
    "renew my DBS",
    "read the new policy",
    "check in with the new starter",
    "order more worksheets",
    "fill in the expenses form",
    "prepare the review meeting",
    "call back the social worker",
    "look at the waiting list",
)

#: The Switch step's own words, by the intention they lean towards.
INTENTION_NOTES: dict[str, tuple[str, ...]] = {
    "rest": ("Bath and bed", "Sofa, blanket, nothing", "Early night", "Tea and a film"),
    "people": ("Call mum", "Dinner with my partner", "Text my friends back", "Play with the kids"),
    "movement": ("Walk round the block", "Yoga video", "Quick run", "Swim if the pool's open"),
    "hobby": ("Guitar", "Finish the jigsaw", "Read", "Bake something", "Allotment before dark"),
}

BREATHE_PATTERNS = ("box", "478")
