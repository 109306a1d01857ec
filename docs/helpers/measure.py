"""Per-audience readability, minutes and 9-word source overlap for one module file."""
import re
import sys
from pathlib import Path

from coursekit.load import _load_module
from coursekit.plan import learner_text, module_view
from coursekit.readability import grade, plain, word_count

path = Path(sys.argv[1])
module = _load_module(path, str(path)).item
words = lambda t: re.findall(r"[a-z0-9']+", t.lower())
grams = set()
for f in Path("../shared/sources").glob("*.txt"):
    w = words(f.read_text(errors="ignore"))
    grams.update(tuple(w[i:i + 9]) for i in range(len(w) - 8))
w = words(path.read_text())
shared = {" ".join(w[i:i + 9]) for i in range(len(w) - 8) if tuple(w[i:i + 9]) in grams}
for audience_id in module.audiences:
    view = module_view(module, audience_id)
    text = plain(learner_text(view))
    print(f"{audience_id}: grade {grade(text):.1f}, {word_count(plain(view.body))} body words, "
          f"activities {view.activity_minutes}/{view.minutes} min, {len(view.outcomes)} outcomes, "
          f"{len(view.questions)} questions")
print("9-word runs shared with sources:", sorted(shared) or "none")
