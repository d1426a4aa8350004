"""The few sentences the app says about itself, in one place so help and welcome never drift apart."""

from __future__ import annotations

WHAT_IT_IS = (
    "journal is a quiet place to close your shift, keep a mood journal and a boundary log, and notice "
    "what keeps weighing on you. Everything stays in one file on this computer."
)

NOT_MEDICAL = (
    "It is a self-care tool, not a medical device: it cannot diagnose anything, and its tags are "
    "gentle pointers, not findings."
)

#: The numbers are joined by non-breaking spaces ("116\u00a0123"): drawn by `KeptWhole`, a number
#: never breaks over two lines, at any width.
URGENT_HELP = (
    "If you are in crisis or thinking of harming yourself, contact your local emergency number or a "
    "crisis line now — e.g. 988 in the US, Samaritans 116\u00a0123 in the UK and Ireland, or "
    "findahelpline.com for other countries."
)

NO_CLIENT_DETAILS = (
    "A gentle reminder: keep client-identifying details out of your entries. Initials or "
    '"a client" are enough; this journal is about you.'
)
