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


def reference_scores(data: dict) -> dict[tuple[str, str], float]:
    """Score (to 6 places) of every eligible pair, before min_score and exclusions."""
    projects, experts = data["projects"], data["experts"]
    synonyms = {norm(k): norm(v) for k, v in data.get("synonyms", {}).items()}

    def skills(item: dict) -> set[str]:
        return {synonyms.get(norm(s), norm(s)) for s in item.get("skills", []) if norm(s)}

    df: dict[str, int] = {}
    for expert in experts:
        for skill in skills(expert):
            df[skill] = df.get(skill, 0) + 1

    def idf(skill: str) -> float:
        return math.log((1 + len(experts)) / (1 + df.get(skill, 0))) + 1

    texts = [p.get("text", "") for p in projects] + [e.get("text", "") for e in experts]
    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        vectors = vectors.toarray()
    except ValueError:
        vectors = np.zeros((len(texts), 1))

    scores = {}
    for i, project in enumerate(projects):
        p_skills = skills(project)
        p_langs = {norm(x) for x in project.get("languages", [])} - {""}
        p_sector = norm(project.get("sector") or "")
        modality = norm(project.get("modality") or "")
        window = days(project["window"]) if project.get("window") else set()
        weights = {
            "skills": WEIGHTS["skills"] if p_skills else 0,
            "text": WEIGHTS["text"] if vectors[i].any() else 0,
            "sector": WEIGHTS["sector"] if p_sector else 0,
            "availability": WEIGHTS["availability"] if window else 0,
            "languages": WEIGHTS["languages"] if p_langs else 0,
        }
        for j, expert in enumerate(experts):
            e_langs = {norm(x) for x in expert.get("languages", [])} - {""}
            e_modalities = {norm(x) for x in expert.get("modalities", [])}
            available = set().union(*(days(p) for p in expert.get("available", [])))
            overlap = len(window & available)
            if p_langs and e_langs and not p_langs & e_langs:
                continue
            if modality and e_modalities and modality not in e_modalities:
                continue
            onsite = modality in {"onsite", "hybrid"}
            if onsite and window and available and overlap < min(7, len(window)):
                continue
            e_skills = skills(expert)
            parts = {
                "skills": sum(idf(s) for s in p_skills & e_skills) / sum(idf(s) for s in p_skills)
                if p_skills
                else 0,
                "text": float(vectors[i] @ vectors[len(projects) + j]),
                "sector": float(p_sector in {norm(s) for s in expert.get("sectors", [])}),
                "availability": overlap / len(window) if window else 0,
                "languages": len(p_langs & e_langs) / len(p_langs) if p_langs else 0,
            }
            total = sum(weights.values())
            score = sum(weights[k] * parts[k] for k in parts) / total if total else 0.0
            scores[(project["id"], expert["id"])] = round(score, 6)
    return scores
