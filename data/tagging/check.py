"""Check one writer's file: valid JSON lines, known tags and traps, and progress against the quotas.

Usage: python3 /work/corpus/check.py FILE [--target N]
"""
import collections, json, sys

TAGS = """fatigue sleep headache tension appetite numbness overwhelm sadness anxiety emotional-exhaustion
concentration memory intrusive-thoughts self-doubt irritability withdrawal substance-use unhealthy-coping
reduced-empathy low-motivation care-quality caseload paperwork crisis trauma-exposure after-hours overtime
skipped-break staffing conflict aggression client-outcome supervision peer-support exercise mindfulness
connection rest hobby boundary-held meaningful-moment""".split()
TRAPS = "negation negation-symptom other-person work-topic wish-plan irony idiom past".split()

path = sys.argv[1]
target = int(sys.argv[sys.argv.index("--target") + 1]) if "--target" in sys.argv else 450
must = collections.Counter(); traps = collections.Counter(); notag = 0; n = 0; problems = []
lengths = collections.Counter(); ids = set()
for i, line in enumerate(open(path, encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        d = json.loads(line)
    except Exception as e:
        problems.append(f"line {i}: not JSON ({e})"); continue
    n += 1
    for k in ("id", "text", "must", "may", "traps"):
        if k not in d:
            problems.append(f"line {i}: missing {k}")
    if d.get("id") in ids:
        problems.append(f"line {i}: duplicate id {d.get('id')}")
    ids.add(d.get("id"))
    for t in d.get("must", []) + d.get("may", []):
        if t not in TAGS:
            problems.append(f"line {i}: unknown tag {t!r}")
    if set(d.get("must", [])) & set(d.get("may", [])):
        problems.append(f"line {i}: a tag is in both must and may")
    for t in d.get("traps", []):
        if t not in TRAPS:
            problems.append(f"line {i}: unknown trap {t!r}")
    must.update(d.get("must", [])); traps.update(d.get("traps", []))
    if not d.get("must") and not d.get("may"):
        notag += 1
    w = len(d.get("text", "").split())
    lengths["fragment (<12 words)" if w < 12 else "short (12-60)" if w <= 60 else "long (>60)"] += 1

print(f"{n} notes (target {target}); {notag} with no tag at all = {notag / max(n, 1):.0%} (want >= 22%)")
print("lengths:", dict(lengths))
per_tag = max(1, round(10 * target / 450))
per_trap = max(1, round(20 * target / 450))
low = [f"{t}:{must[t]}" for t in TAGS if must[t] < per_tag]
print(f"tags as must below {per_tag}:", " ".join(low) or "none")
lowt = [f"{t}:{traps[t]}" for t in TRAPS if traps[t] < per_trap]
print(f"traps below {per_trap}:", " ".join(lowt) or "none")
print("problems:", len(problems)); print("\n".join(problems[:30]))
