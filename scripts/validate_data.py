"""`rasa data validate`, failing on every warning but one kind that Rasa 3.6 cannot
know about: a response that no story or rule names, because a form or a custom action
sends it (forms ask with utter_ask_<slot>; actions send e.g. utter_wrong_<slot>).

Rasa 3.6 also warns that a retrieval intent (faq) listed in domain.yml is "duplicated
across multiple domain files", because it merges the domain with one it derives from
the NLU data; listing it is nonetheless required by the rules that use it.

Each exemption is itself checked: each such response must really be sent by a form
slot or appear in the actions' source (literally, or by its f-string family such as
utter_wrong_{slot}), so a response nothing uses still fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
UNUSED = re.compile(r"The utterance '([^']+)' is not used in any story or rule\.")
# Responses that Rasa's built-in actions send when the domain defines them.
RASA_DEFAULT_ACTION_RESPONSES = {"utter_restart"}
WARNING = re.compile(r"UserWarning: (.*)")
DUPLICATED_INTENTS = re.compile(r"The following duplicated intents have been found across multiple domain files: (.*)")


def retrieval_intents() -> set[str]:
    names = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            intent = block.get("intent", "")
            if "/" in intent:
                names.add(intent.split("/")[0])
    return names


def responses_sent_by_code() -> set[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    sent = {f"utter_ask_{slot}" for form in domain.get("forms", {}).values() for slot in form["required_slots"]}
    sent |= RASA_DEFAULT_ACTION_RESPONSES & set(domain.get("responses", {}))
    source = "\n".join(p.read_text() for p in (ROOT / "actions").glob("*.py"))
    literal = set(re.findall(r"[\"'](utter_[a-z_/]+)[\"']", source))
    families = re.findall(r"f[\"'](utter_[a-z_]*)\{", source)
    for response in domain.get("responses", {}):
        base = response.split("/")[0]
        if response in literal or base in literal or any(response.startswith(prefix) for prefix in families):
            sent.add(base)
    return sent


def main() -> int:
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "data", "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = completed.stdout + completed.stderr
    sent = responses_sent_by_code()
    problems = []
    for match in WARNING.finditer(output):
        message = match.group(1).strip()
        unused = UNUSED.search(message)
        if unused and unused.group(1) in sent:
            continue
        duplicated = DUPLICATED_INTENTS.search(message)
        if duplicated and {n.strip() for n in duplicated.group(1).split(",")} <= retrieval_intents():
            continue
        problems.append(message)
    if completed.returncode != 0 and not problems:
        problems.append(f"rasa data validate exited with {completed.returncode}:\n{output[-2000:]}")
    for problem in problems:
        print(f"data validation: {problem}", file=sys.stderr)
    print(f"rasa data validate: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
