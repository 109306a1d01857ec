"""The file `coursekit session new` writes: a commented session file, ready to edit. Pure."""

from __future__ import annotations

from . import slots, timeline
from .model import Project
from .plan import plan_course


def new_session_text(project: Project, name: str) -> str:
    """Return a commented session file for the project's first audience, ready to edit; it loads and plans."""
    audience = next((a for a in project.audiences if a.id == "frontline-staff"), project.audiences[0])
    course = plan_course(project, audience, audience.modules, audience.id)
    natural = timeline.build_timeline(
        course, timeline.natural_settings(break_every=timeline.break_every(audience.id))
    )
    minutes = min(-(-natural.minutes // 30) * 30, 24 * 60)
    others = ", ".join(a.id for a in project.audiences)
    module_slots = {
        k: v
        for k, v in slots.declared(project.module(m) for m in audience.modules).items()
        if k not in slots.COURSE_SLOTS
    }
    local = "\n".join(
        f'  # {description}\n  {slot}: ""'
        for slot, description in {**slots.COURSE_SLOTS, **module_slots}.items()
    )
    return TEMPLATE.format(
        name=name,
        title=audience.course_title.replace('"', "'"),
        audience=audience.id,
        others=others,
        modules="\n".join(f"#   - {m}" for m in audience.modules),
        minutes=minutes,
        local=local,
    )


TEMPLATE = """\
# A session: one delivery of a course, for one group. Edit it, then:
#   coursekit session plan sessions/{name}.yml     the run-sheet, on the clock
#   coursekit session build sessions/{name}.yml    the site and slides, into sessions/out/{name}/

title: "{title}"

# Who it is for: one of {others},
# or a new id (such as housing-officers) with based_on naming the audience whose material it gets.
audience: {audience}
# audience_name: Housing officers
# based_on: frontline-staff

# The modules, in order. Leave out to use the audience's own course:
# modules:
{modules}

# When. 'minutes' is the total time in the room, breaks included.
# date: 2027-01-15
start: "09:30"
minutes: {minutes}

# Or instead of date, start and minutes, several sittings (modules fill them in order):
# parts:
#   - title: Half day
#     date: 2027-01-15
#     start: "09:30"
#     minutes: 210
#   - title: Follow-up, six weeks later
#     date: 2027-02-26
#     start: "14:00"
#     minutes: 60

# Breaks: by default one at least every 90 minutes (every 60 for people with lived experience
# and online), and lunch on 5 hours or more. To fix them yourself:
# breaks:
#   - at: "11:00"
#     minutes: 15
#   - after_minutes: 180
#     minutes: 45
#     lunch: true

mode: in-person      # or online (longer changeovers, a break every 60 minutes)

# Who delivers it. A co-trainer with lived experience is paid like any other trainer.
facilitators:
  - name: Lead trainer's name
    role: lead
  - name: Co-trainer's name
    role: co-trainer
    lived_experience: true

# Local details the course text uses. An empty one shows as a placeholder such as [your area].
local:
{local}

# Your organisation's PowerPoint (.pptx with its slide masters), relative to this file:
# slides_template: our-brand.pptx
"""
