"""Small valid instances that tests change one field at a time."""


def scored() -> dict:
    """Two projects, four experts, given scores."""
    return {
        "objective": "total",
        "min_score": 0.0,
        "projects": [{"id": "P1", "seats": 2}, {"id": "P2"}],
        "experts": [
            {"id": "E1", "capacity": 2},
            {"id": "E2"},
            {"id": "E3", "conflicts": ["P2"]},
            {"id": "E4"},
        ],
        "scores": [
            {"project": "P1", "expert": "E1", "score": 0.9},
            {"project": "P1", "expert": "E2", "score": 0.8},
            {"project": "P1", "expert": "E3", "score": 0.4},
            {"project": "P2", "expert": "E1", "score": 0.7},
            {"project": "P2", "expert": "E2", "score": 0.3},
            {"project": "P2", "expert": "E3", "score": 0.95},
            {"project": "P2", "expert": "E4", "score": 0.2},
        ],
        "locked": [],
        "forbidden": [],
    }


def profiled() -> dict:
    """The DESIGN example grown to three projects and four experts, scored from profiles."""
    return {"objective": "total", "projects": _projects(), "experts": _experts()}


def _projects() -> list[dict]:
    return [
        {
            "id": "P1",
            "sector": "energy",
            "skills": ["solar pv", "mini-grids"],
            "languages": ["rw", "en"],
            "modality": "onsite",
            "window": {"start": "2027-02-01", "end": "2027-04-30"},
            "text": "Design a solar mini-grid for the college workshop",
        },
        {
            "id": "P2",
            "seats": 2,
            "sector": "ict",
            "skills": ["networking", "python"],
            "languages": ["en"],
            "modality": "remote",
            "text": "Campus network monitoring with Python scripts",
        },
        {
            "id": "P3",
            "sector": "agriculture",
            "skills": ["irrigation"],
            "languages": ["fr"],
            "modality": "onsite",
            "window": {"start": "2027-06-01", "end": "2027-06-30"},
            "text": "Drip irrigation for greenhouse tomatoes",
        },
    ]


def _experts() -> list[dict]:
    return [
        {
            "id": "E1",
            "capacity": 2,
            "sectors": ["energy"],
            "skills": ["Solar  PV", "python"],
            "languages": ["rw", "fr"],
            "modalities": ["onsite", "remote"],
            "available": [{"start": "2027-03-01", "end": "2027-03-31"}],
            "text": "Electrical engineer designing solar mini-grid systems in Belgium",
        },
        {
            "id": "E2",
            "sectors": ["ict"],
            "skills": ["networking", "python"],
            "languages": ["en", "fr"],
            "modalities": ["remote"],
            "text": "Network engineer who writes Python monitoring tools",
        },
        {
            "id": "E3",
            "sectors": ["agriculture"],
            "skills": ["irrigation", "soil science"],
            "languages": ["fr", "nl"],
            "modalities": ["onsite"],
            "available": [{"start": "2027-06-20", "end": "2027-07-20"}],
            "text": "Agronomist, drip irrigation and greenhouse crops",
        },
        {
            "id": "E4",
            "sectors": ["ict", "energy"],
            "skills": ["python"],
            "languages": ["en"],
            "modalities": ["remote", "onsite"],
            "available": [{"start": "2027-01-01", "end": "2027-12-31"}],
            "text": "Software developer",
        },
    ]
