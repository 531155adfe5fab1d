"""Candidates from profiles, and the same constraints for the report on unfilled projects.

Imported only for instances without given scores (see ``scoring``): it brings
SciPy and scikit-learn, which take longer to import than a whole solve of a
small instance.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields

import numpy as np

from .blocks import Features, best_in_block, hard_checks, score_block
from .errors import InstanceError
from .instance import Instance
from .profiles import Components, Profiles, build_profiles, pair_components
from .scoring import BLOCK_PAIRS, Candidates, locked_mask

_WORKERS = 2


@dataclass(frozen=True, slots=True)
class ProfileRules:
    """The hard constraints of profile scoring, for the report on unfilled projects."""

    prof: Profiles
    features: Features
    hard = ("language", "modality", "dates")

    @classmethod
    def of(cls, instance: Instance) -> "ProfileRules":
        prof = build_profiles(instance)
        return cls(prof, Features.of(prof))

    def failures(self, project: np.ndarray) -> dict[str, np.ndarray]:
        """Per constraint, the pairs of ``project`` (rows) by every expert that fail it.

        ``sector`` is no constraint (it only lowers the score); it is there to be counted.
        """
        checks = hard_checks(self.prof, self.features, project)
        failed = {"language": ~checks.language, "modality": ~checks.modality}
        if checks.dates is not None:
            failed["dates"] = ~checks.dates
        sector = self.prof.p_sector[project]
        outside = ~self.prof.e_sector_t[sector]
        outside[sector == len(self.prof.e_sector_t) - 1] = False  # the project names no sector
        failed["sector"] = outside
        return failed

    def scores(self, project: np.ndarray, expert: np.ndarray) -> np.ndarray:
        return pair_components(self.prof, project, expert).score


def candidates_from_profiles(instance: Instance, top_k: int) -> Candidates:
    """The ``top_k`` best usable experts of each project, plus every locked pair, scored exactly."""
    n_p, n_e = len(instance.projects), len(instance.experts)
    rules = ProfileRules.of(instance)
    rows = max(1, BLOCK_PAIRS // max(n_e, 1))
    found = [instance.codes(instance.locked.project, instance.locked.expert)]

    def best_of_block(p0: int) -> np.ndarray:
        p1 = min(n_p, p0 + rows)
        project, expert = best_in_block(
            score_block(rules.prof, rules.features, instance, p0, p1), min(top_k, n_e)
        )
        return instance.codes(project + p0, expert)

    # NumPy and SciPy's sparse kernels release the GIL, so two threads keep two cores busy.
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        found.extend(pool.map(best_of_block, range(0, n_p if n_e else 0, rows)))
    codes = np.unique(np.concatenate(found))
    project = (codes // max(n_e, 1)).astype(np.int32)
    expert = (codes % max(n_e, 1)).astype(np.int32)
    components = pair_components(rules.prof, project, expert)
    locked = locked_mask(instance, codes)
    _check_locked_pairs(instance, codes, components)
    keep = components.eligible & (components.score >= instance.min_score)
    if len(instance.excluded):
        keep &= ~np.isin(codes, instance.excluded)
    kept = _take(components, keep)
    return Candidates(project[keep], expert[keep], kept.score, locked[keep], kept, rules)


def _check_locked_pairs(instance: Instance, codes: np.ndarray, comp: Components) -> None:
    """Without given scores, a lock is impossible when its pair fails a hard constraint."""
    lock_codes = instance.codes(instance.locked.project, instance.locked.expert)
    at = np.searchsorted(codes, lock_codes)
    for i, j in enumerate(at):
        project = instance.projects[instance.locked.project[i]].id
        expert = instance.experts[instance.locked.expert[i]].id
        if not comp.language_ok[j]:
            problem = f"expert {expert!r} speaks none of the languages of {project!r}"
        elif not comp.modality_ok[j]:
            problem = f"expert {expert!r} does not work in the modality of {project!r}"
        elif not comp.dates_ok[j]:
            problem = (
                f"expert {expert!r} is not available for a week within the window of {project!r}"
            )
        elif comp.score[j] < instance.min_score:
            problem = f"score {comp.score[j]:.4f} is below min_score {instance.min_score}"
        else:
            continue
        raise InstanceError(f"locked[{i}]", problem)


def _take(components: Components, keep: np.ndarray) -> Components:
    return type(components)(
        **{f.name: getattr(components, f.name)[keep] for f in fields(components)}
    )
