"""The standard-library minimum of ``roadmap next --json`` (issue 19): the same JSON for
the simple case (no plan, aliases, links, undo, other roadmaps or review due), to time the
real command against. ``python stdlib_next.py ROADMAP.toml [N]``; the progress is read
from ``$ROADMAP_DATA_DIR/<roadmap id>.json``."""

import json
import os
import sys
import tomllib

roadmap = tomllib.load(open(sys.argv[1], "rb"))  # noqa: SIM115
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1
path = os.path.join(os.environ["ROADMAP_DATA_DIR"], roadmap["id"] + ".json")
events = json.load(open(path, encoding="utf-8"))["events"] if os.path.exists(path) else []  # noqa: SIM115
ordered = sorted(events, key=lambda e: e["id"])
states = {e["topic"]: (e["status"], e["at"]) for e in ordered if "status" in e}
done = {t for t, (s, _) in states.items() if s in ("done", "skipped")}
ref = lambda t: {"id": t["id"], "title": t["title"], "title_en": t.get("title_en", "")}  # noqa: E731
RESOURCE = ("title", "url", "kind", "lang", "note", "note_en", "origin", "editor_note")
GUIDES = ("summary", "summary_en", "editor_note", "editor_note_en")
topics = [(t, s) for s in roadmap["stages"] for t in s.get("topics", [])]
status = [states.get(t["id"], ("todo",))[0] for t, _ in topics]
started = sorted(
    (states[t["id"]][1], i) for i, (t, _) in enumerate(topics) if status[i] == "in_progress"
)
items = [(*topics[i], "in_progress", since) for since, i in started]
ready, extras, blocked, stage = [], [], [], None
for i, (t, s) in enumerate(topics):
    if s is not stage:
        stage, ready, extras = s, ready + extras, []
    unmet = [r for r in t.get("requires", []) if r not in done]
    if status[i] == "todo" and unmet and len(blocked) < 3:
        blocked.append({**ref(t), "waiting_for": unmet})
    elif status[i] == "todo" and not unmet and len(ready) < count:
        (extras if t.get("optional") else ready).append((t, s))
items += [(t, s, "ready", None) for t, s in (ready + extras)[:count]]
remaining = sum(s not in ("done", "skipped") for s in status)
out = {"next": [], "blocked": blocked, "remaining": remaining, "finished": remaining == 0}
for i, (t, s, reason, since) in enumerate(items):
    out["next"].append({**ref(t), "status": states.get(t["id"], ("todo",))[0], "reason": reason})
    out["next"][i] |= {"since": since, "stage": ref(s), "optional": t.get("optional", False)}
    out["next"][i] |= {k: t.get(k) for k in GUIDES}
    resources = [
        {k: r.get(k) for k in (*RESOURCE, "editor_note_en")} for r in t.get("resources", [])
    ]
    out["next"][i] |= {"resources": resources, "done_elsewhere": []}
out |= {"plan": None, "reviews_due": 0}
sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
