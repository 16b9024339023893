"""Content problems as CI systems show them on the lines of a pull or merge request.

GitHub Actions reads workflow commands (`::error file=…,line=…,title=…::message`);
GitLab reads a Code Quality report (a JSON list in the Code Climate format) named in the
job's `artifacts: reports: codequality`. Titles and messages are Russian, with the stable
code in brackets.
"""

from __future__ import annotations

import hashlib
import json

from shnor_site.core.problems import CODES, Problem


def title(prob: Problem) -> str:
    """«Не заполнено обязательное поле [missing-field]»: the code's Russian title."""
    text = CODES.get(prob.code, (prob.code, ""))[0]
    return f"{text[:1].upper()}{text[1:]} [{prob.code}]"


def _message(prob: Problem) -> str:
    message = (f"{prob.field}: " if prob.field else "") + prob.message
    return message + (f"\nКак исправить: {prob.hint}" if prob.hint else "")


def github_annotation(prob: Problem) -> str:
    """A GitHub Actions workflow command for one problem."""
    def esc(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    props = f"file={esc(prob.path, True)}" + (f",line={prob.line}" if prob.line else "")
    level = "error" if prob.severity == "error" else "warning"
    return f"::{level} {props},title={esc(title(prob), True)}::{esc(_message(prob))}"


def gitlab_code_quality(problems: list[Problem]) -> str:
    """A GitLab Code Quality report (JSON) of all problems."""
    issues = []
    for prob in problems:
        key = f"{prob.path}:{prob.line}:{prob.code}:{prob.field}:{prob.message}"
        issues.append({
            "description": f"{title(prob)}: {_message(prob)}",
            "check_name": prob.code,
            "fingerprint": hashlib.sha1(key.encode("utf-8")).hexdigest(),
            "severity": "major" if prob.severity == "error" else "minor",
            "location": {"path": prob.path, "lines": {"begin": prob.line or 1}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=1)
