"""The affinity of one pair, computed the slow and obvious way from the documented formula.

Written from the ``skillbridge.assignment.profiles`` docstring, one pair at a
time with sets and dates, to check the vectorised scoring against.
"""

import math
from datetime import date

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

WEIGHTS = {"skills": 0.40, "text": 0.20, "sector": 0.15, "availability": 0.15, "languages": 0.10}


def norm(word: str) -> str:
    return " ".join(word.split()).casefold()


def days(period: dict) -> set[date]:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    return {date.fromordinal(d) for d in range(start.toordinal(), end.toordinal() + 1)}


def hard_failures(project: dict, expert: dict) -> list[str]:
    """The hard constraints the pair fails (each applies only when both sides give the field)."""
    p_langs, e_langs = _words(project, "languages"), _words(expert, "languages")
    modality = norm(project.get("modality") or "")
    e_modalities = _words(expert, "modalities")
    window = days(project["window"]) if project.get("window") else set()
    available = set().union(*(days(p) for p in expert.get("available", [])))
    failed = []
    if p_langs and e_langs and not p_langs & e_langs:
        failed.append("language")
    if modality and e_modalities and modality not in e_modalities:
        failed.append("modality")
    onsite = modality in {"onsite", "hybrid"}
    if onsite and window and available and len(window & available) < min(7, len(window)):
        failed.append("dates")
    return failed


def _words(item: dict, key: str) -> set[str]:
    return {norm(x) for x in item.get(key, [])} - {""}


def reference_scores(data: dict) -> dict[tuple[str, str], float]:
    """Score (to 6 places) of every eligible pair, before min_score and exclusions."""
    projects, experts = data["projects"], data["experts"]
    idf = _SkillWeights(data)
    texts = [p.get("text", "") for p in projects] + [e.get("text", "") for e in experts]
    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        vectors = vectors.toarray()
    except ValueError:
        vectors = np.zeros((len(texts), 1))

    scores = {}
    for i, project in enumerate(projects):
        p_skills = idf.skills(project)
        p_langs = _words(project, "languages")
        p_sector = norm(project.get("sector") or "")
        window = days(project["window"]) if project.get("window") else set()
        weights = {
            "skills": WEIGHTS["skills"] if p_skills else 0,
            "text": WEIGHTS["text"] if vectors[i].any() else 0,
            "sector": WEIGHTS["sector"] if p_sector else 0,
            "availability": WEIGHTS["availability"] if window else 0,
            "languages": WEIGHTS["languages"] if p_langs else 0,
        }
        for j, expert in enumerate(experts):
            if hard_failures(project, expert):
                continue
            available = set().union(*(days(p) for p in expert.get("available", [])))
            parts = {
                "skills": idf.share(p_skills, idf.skills(expert)),
                "text": float(vectors[i] @ vectors[len(projects) + j]),
                "sector": float(p_sector in _words(expert, "sectors")),
                "availability": len(window & available) / len(window) if window else 0,
                "languages": len(p_langs & _words(expert, "languages")) / len(p_langs)
                if p_langs
                else 0,
            }
            total = sum(weights.values())
            score = sum(weights[k] * parts[k] for k in parts) / total if total else 0.0
            scores[(project["id"], expert["id"])] = round(score, 6)
    return scores


class _SkillWeights:
    """Skills after synonyms, and each skill's weight by how many experts list it."""

    def __init__(self, data: dict) -> None:
        self.synonyms = {norm(k): norm(v) for k, v in data.get("synonyms", {}).items()}
        self.n = len(data["experts"])
        self.df: dict[str, int] = {}
        for expert in data["experts"]:
            for skill in self.skills(expert):
                self.df[skill] = self.df.get(skill, 0) + 1

    def skills(self, item: dict) -> set[str]:
        return {self.synonyms.get(norm(s), norm(s)) for s in item.get("skills", []) if norm(s)}

    def weight(self, skill: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(skill, 0))) + 1

    def share(self, wanted: set[str], offered: set[str]) -> float:
        """The IDF-weighted share of the ``wanted`` skills that are ``offered``."""
        if not wanted:
            return 0
        return sum(self.weight(s) for s in wanted & offered) / sum(self.weight(s) for s in wanted)
