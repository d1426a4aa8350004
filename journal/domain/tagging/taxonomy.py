"""The built-in tags: the public contract of tag slugs.

The slugs appear in exports, `--json` output and users' saved searches, so they never change once
shipped. Descriptions are plain words for the catalogue and `journal tags` listings.
"""

from __future__ import annotations

from journal.domain.models import Category, TagDef

_S, _T, _C = Category.SYMPTOM, Category.STRESSOR, Category.CARE

_ROWS: tuple[tuple[Category, str | None, str, str], ...] = (
    (_S, "physical", "fatigue", "physical tiredness"),
    (_S, "physical", "sleep", "disturbed sleep"),
    (_S, "physical", "headache", "headaches"),
    (_S, "physical", "tension", "body tension"),
    (_S, "physical", "appetite", "appetite change"),
    (_S, "emotional", "numbness", "feeling numb, detached, flat"),
    (_S, "emotional", "overwhelm", "flooded, too much"),
    (_S, "emotional", "sadness", "low mood, tearful, hopeless"),
    (_S, "emotional", "anxiety", "worry, dread, panic"),
    (_S, "emotional", "emotional-exhaustion", "depleted, nothing left"),
    (_S, "cognitive", "concentration", "can't focus"),
    (_S, "cognitive", "memory", "lapses, forgetting"),
    (_S, "cognitive", "intrusive-thoughts", "replaying clients' trauma, rumination"),
    (_S, "cognitive", "self-doubt", "imposter feelings"),
    (_S, "behavioral", "irritability", "short temper"),
    (_S, "behavioral", "withdrawal", "pulling away from people"),
    (_S, "behavioral", "substance-use", "drinking or using to cope"),
    (_S, "behavioral", "unhealthy-coping", "numbing out"),
    (_S, "professional", "reduced-empathy", "cynicism, depersonalisation"),
    (_S, "professional", "low-motivation", "dread of work, no drive"),
    (_S, "professional", "care-quality", "slipping quality of care"),
    (_T, None, "caseload", "too many clients or sessions"),
    (_T, None, "paperwork", "notes, documentation, admin"),
    (_T, None, "crisis", "risk, emergencies, safeguarding"),
    (_T, None, "trauma-exposure", "hearing traumatic material"),
    (_T, None, "after-hours", "work reaching into personal time"),
    (_T, None, "overtime", "working past the shift"),
    (_T, None, "skipped-break", "no breaks or meals at work"),
    (_T, None, "staffing", "understaffing, covering"),
    (_T, None, "conflict", "with colleagues, managers, complaints"),
    (_T, None, "aggression", "threats or violence from clients"),
    (_T, None, "client-outcome", "relapse, death, deterioration, no-shows"),
    (_C, None, "supervision", "supervision, consultation, debrief with a supervisor"),
    (_C, None, "peer-support", "support from colleagues"),
    (_C, None, "exercise", "movement"),
    (_C, None, "mindfulness", "meditation, breathing, grounding"),
    (_C, None, "connection", "friends, family, partner"),
    (_C, None, "rest", "good rest, naps, lie-ins"),
    (_C, None, "hobby", "interests outside work"),
    (_C, None, "boundary-held", "a boundary kept"),
    (_C, None, "meaningful-moment", "compassion satisfaction, progress"),
)

#: Every built-in tag by slug, in taxonomy order.
TAXONOMY: dict[str, TagDef] = {
    name: TagDef(name=name, category=cat, group=group, description=desc) for cat, group, name, desc in _ROWS
}
