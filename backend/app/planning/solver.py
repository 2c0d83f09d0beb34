"""Rotation planning (轮岗方案): propose which teachers of the supporting schools go to which staffing
needs of the receiving schools in a school year, as an integer program solved by HiGHS
(`scipy.optimize.milp`). Pure: dataclasses in, a `Plan` out — no database, no web framework.

Inputs. `Candidate`s are the teachers who may rotate (the caller has already applied the
programme's eligibility rule); unavailable ones are kept only so that an unfilled need can say so.
`Need`s are the receiving schools' requests (subject, stage, number of teachers, urgent or not).
`SchoolQuota`s are what each supporting school still has to rotate this year: the caller computes
⌈min_rotation_share × eligible⌉ and the backbone requirement (⌈min_backbone_share × base⌉) and
subtracts the teachers already rotated; a negative remainder counts as 0. `paired` holds the
(supporting school, receiving school) pairs with an agreement in force.

Compatibility. A teacher can fill a need when the need's subject is among the teacher's subjects
and the stages are compatible: each stage covers a set of levels (`STAGE_LEVELS`: a nine-year
school covers primary and junior, a complete secondary school junior and senior, any other stage
itself) and two stages are compatible when their levels meet. A stage not in the map covers only
itself.

Model. One binary x[t, n] per compatible (available teacher, need) pair — incompatible pairs get no
variable at all — and, per supporting school with a remaining requirement, integer shortfalls
s_rot and s_bb (0 ≤ s ≤ requirement):

    each teacher:   Σ_n x[t, n] ≤ 1
    each need:      Σ_t x[t, n] ≤ count
    each school:    Σ_{t of the school} x + s_rot ≥ required_rotated
                    Σ_{backbone t of the school} x + s_bb ≥ required_backbone
    minimise        Σ x·(−fill − urgent·[urgent need] − paired·[pair has an agreement] + per_km·km)
                    + quota·Σ s_rot + backbone·Σ s_bb

Leaving everything unassigned is always feasible, so the model always solves and a quota that cannot
be met shows up as a shortfall rather than as infeasibility.

Weights (`Weights`) set the priority order: a missing rotated or backbone teacher and an unfilled
urgent seat (10 000 each) come first, then any seat (1 000), then an agreement between the two
schools (10), then distance (0.01 per km: a seat is worth 100 000 km and an agreement 1 000 km, so
in a county distance only breaks ties). Filling one more seat never has to cost a quota unit or an
urgent seat (a plan can always be extended along an augmenting chain that keeps every teacher and
seat it uses), so the seat and quota tiers never compete; the lower gaps only have to outweigh what a
chain of reassignments changes, which a factor of 100 or more does in practice.
Distance is the great-circle (haversine) distance between the two schools when both have
coordinates; otherwise the assignment's `km` is None, it counts `Weights.unknown_km` (default 0) in
the objective, and `Totals.unmeasured` says how many assignments had no distance.

Unfilled needs carry one reason code (stable strings; the API translates them):
    no_candidate_subject      no candidate (available or not) teaches the subject
    no_candidate_stage        some teach the subject, but none at a compatible stage
    candidates_unavailable    compatible teachers exist, but none is available
    too_few_candidates        every available compatible teacher is already on this need
    candidates_used_elsewhere every available compatible teacher is placed, some on other needs
    candidates_free           an available compatible teacher is left unassigned (after a hand
                              edit, when the solver stopped at its time limit, or when the distance
                              costs more than the seat is worth)
The quota never leaves a need unfilled by itself: it only decides whose teacher fills it, so there
is no quota reason.

`recompute` takes a hand-edited list of assignments, lists what is wrong with it (`Problem` codes:
unknown_teacher, unknown_need, teacher_unavailable, teacher_used_twice, need_over_count,
subject_mismatch, stage_mismatch, own_school) and works out the same figures as `solve` without solving.
"""

import math
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

# A stage's levels; stages are compatible when their levels meet (values of app.core.enums.Stage).
STAGE_LEVELS: dict[str, frozenset[str]] = {
    "nine_year": frozenset({"primary", "junior"}),
    "complete": frozenset({"junior", "senior"}),
}

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Candidate:
    """A teacher who may rotate; `stage` and coordinates are those of the home school."""

    teacher_id: int
    school_id: int
    subjects: tuple[str, ...]
    stage: str
    backbone: bool = False
    available: bool = True
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Need:
    """A receiving school's request for `count` teachers of a subject at a stage."""

    need_id: int
    school_id: int
    subject: str
    stage: str
    count: int = 1
    urgent: bool = False
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class SchoolQuota:
    """What a supporting school still has to rotate this year (already-rotated teachers deducted)."""

    school_id: int
    required_rotated: int = 0
    required_backbone: int = 0


@dataclass(frozen=True)
class Weights:
    """Objective weights; see the module docstring for the priority order they encode."""

    fill: float = 1_000.0  # reward per filled seat
    urgent: float = 10_000.0  # extra reward per filled urgent seat
    quota: float = 10_000.0  # penalty per missing rotated teacher
    backbone: float = 10_000.0  # penalty per missing backbone teacher
    paired: float = 10.0  # reward per assignment between schools with an agreement
    per_km: float = 0.01  # penalty per km of straight-line distance
    unknown_km: float = 0.0  # km charged when a distance cannot be measured


@dataclass(frozen=True)
class PlanInput:
    candidates: Sequence[Candidate]
    needs: Sequence[Need]
    quotas: Sequence[SchoolQuota] = ()
    paired: frozenset[tuple[int, int]] = frozenset()  # (supporting school, receiving school)
    weights: Weights = field(default_factory=Weights)
    time_limit_seconds: float = 10.0


@dataclass(frozen=True)
class Assignment:
    teacher_id: int
    need_id: int
    km: float | None = None  # None: a school has no coordinates
    paired: bool = False


@dataclass(frozen=True)
class SchoolResult:
    school_id: int
    required_rotated: int
    assigned: int  # distinct teachers of the school in the plan
    shortfall: int
    required_backbone: int
    assigned_backbone: int
    backbone_shortfall: int


@dataclass(frozen=True)
class NeedResult:
    need_id: int
    school_id: int
    subject: str
    stage: str
    urgent: bool
    count: int
    filled: int  # assignments to the need (may exceed count in a hand-edited plan)
    unfilled: int
    candidates: int  # available compatible teachers
    reason: str | None  # a reason code when unfilled > 0


@dataclass(frozen=True)
class Problem:
    """Something wrong with a hand-edited plan."""

    code: str
    teacher_id: int | None = None
    need_id: int | None = None


@dataclass(frozen=True)
class Totals:
    seats: int
    filled: int  # seats filled (a need counts at most its count)
    unfilled: int
    urgent_seats: int
    urgent_unfilled: int
    assignments: int
    paired: int  # assignments between schools with an agreement
    total_km: float  # over the measured assignments
    unmeasured: int  # assignments without a distance
    rotation_shortfall: int
    backbone_shortfall: int
    status: str  # "optimal", "time_limit" (best found, not proven), "failed", "edited" (recompute)
    optimal: bool
    solve_seconds: float


@dataclass(frozen=True)
class Plan:
    assignments: tuple[Assignment, ...]
    schools: tuple[SchoolResult, ...]
    needs: tuple[NeedResult, ...]
    totals: Totals
    problems: tuple[Problem, ...] = ()


def stage_levels(stage: str) -> frozenset[str]:
    return STAGE_LEVELS.get(stage, frozenset({stage}))


def stages_compatible(teacher_stage: str, need_stage: str) -> bool:
    return not stage_levels(teacher_stage).isdisjoint(stage_levels(need_stage))


def compatible(candidate: Candidate, need: Need) -> bool:
    """Whether the teacher could fill the need, availability aside (never at the teacher's own school:
    a school both supporting and receiving cannot rotate a teacher to itself)."""
    return (
        candidate.school_id != need.school_id
        and need.subject in candidate.subjects
        and stages_compatible(candidate.stage, need.stage)
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(candidate: Candidate, need: Need) -> float | None:
    lat1, lon1, lat2, lon2 = candidate.latitude, candidate.longitude, need.latitude, need.longitude
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


def _check(inputs: PlanInput) -> None:
    """Reject inputs the model cannot mean anything for: ids must be unique, counts positive."""
    if len({c.teacher_id for c in inputs.candidates}) != len(inputs.candidates):
        raise ValueError("teacher_id must be unique among candidates")
    if len({n.need_id for n in inputs.needs}) != len(inputs.needs):
        raise ValueError("need_id must be unique")
    if len({q.school_id for q in inputs.quotas}) != len(inputs.quotas):
        raise ValueError("one quota per school")
    if any(n.count < 1 for n in inputs.needs):
        raise ValueError("a need's count must be at least 1")


def _requirements(inputs: PlanInput) -> dict[int, tuple[int, int]]:
    """(required rotated, required backbone) per supporting school; negative remainders are met."""
    return {q.school_id: (max(0, q.required_rotated), max(0, q.required_backbone)) for q in inputs.quotas}


def solve(inputs: PlanInput) -> Plan:
    """The best plan for the inputs (see the module docstring for the model)."""
    started = time.perf_counter()
    _check(inputs)
    weights = inputs.weights
    needs_by_subject: dict[str, list[int]] = defaultdict(list)
    for j, need in enumerate(inputs.needs):
        needs_by_subject[need.subject].append(j)

    # Variables 0..len(pairs)-1 are x[t, n], one per compatible pair; the shortfalls follow.
    pair_t: list[int] = []
    pair_n: list[int] = []
    cost: list[float] = []
    kms: list[float | None] = []
    paired_flags: list[bool] = []
    for i, cand in enumerate(inputs.candidates):
        if not cand.available:
            continue
        for j in sorted({j for s in set(cand.subjects) for j in needs_by_subject.get(s, ())}):
            need = inputs.needs[j]
            if not compatible(cand, need):
                continue
            km = distance_km(cand, need)
            is_paired = (cand.school_id, need.school_id) in inputs.paired
            pair_t.append(i)
            pair_n.append(j)
            kms.append(km)
            paired_flags.append(is_paired)
            cost.append(
                -weights.fill
                - (weights.urgent if need.urgent else 0.0)
                - (weights.paired if is_paired else 0.0)
                + weights.per_km * (weights.unknown_km if km is None else km)
            )
    n_x = len(pair_t)

    requirements = _requirements(inputs)
    rot_schools = [s for s, (rot, _) in requirements.items() if rot > 0]
    bb_schools = [s for s, (_, bb) in requirements.items() if bb > 0]
    n_vars = n_x + len(rot_schools) + len(bb_schools)
    c = np.concatenate(
        [
            np.asarray(cost, dtype=float),
            np.full(len(rot_schools), weights.quota),
            np.full(len(bb_schools), weights.backbone),
        ]
    )
    upper = np.concatenate(
        [
            np.ones(n_x),
            [requirements[s][0] for s in rot_schools],
            [requirements[s][1] for s in bb_schools],
        ]
    )

    # Constraint rows: teachers, then needs, then rotation quotas, then backbone quotas.
    rows: list[int] = []
    cols: list[int] = []
    lower_b: list[float] = []
    upper_b: list[float] = []
    teacher_row = {i: r for r, i in enumerate(sorted(set(pair_t)))}
    n_rows = len(teacher_row)
    lower_b += [-np.inf] * len(teacher_row)
    upper_b += [1.0] * len(teacher_row)
    need_row = {j: n_rows + r for r, j in enumerate(sorted(set(pair_n)))}
    n_rows += len(need_row)
    lower_b += [-np.inf] * len(need_row)
    upper_b += [float(inputs.needs[j].count) for j in sorted(need_row)]
    rot_row = {s: n_rows + r for r, s in enumerate(rot_schools)}
    n_rows += len(rot_row)
    lower_b += [float(requirements[s][0]) for s in rot_schools]
    upper_b += [np.inf] * len(rot_row)
    bb_row = {s: n_rows + r for r, s in enumerate(bb_schools)}
    n_rows += len(bb_row)
    lower_b += [float(requirements[s][1]) for s in bb_schools]
    upper_b += [np.inf] * len(bb_row)
    for k, (i, j) in enumerate(zip(pair_t, pair_n, strict=True)):
        cand = inputs.candidates[i]
        rows += [teacher_row[i], need_row[j]]
        cols += [k, k]
        if cand.school_id in rot_row:
            rows.append(rot_row[cand.school_id])
            cols.append(k)
        if cand.backbone and cand.school_id in bb_row:
            rows.append(bb_row[cand.school_id])
            cols.append(k)
    for k, s in enumerate(rot_schools):
        rows.append(rot_row[s])
        cols.append(n_x + k)
    for k, s in enumerate(bb_schools):
        rows.append(bb_row[s])
        cols.append(n_x + len(rot_schools) + k)

    chosen: list[Assignment] = []
    status, optimal = "optimal", True
    if n_vars:
        matrix = coo_array(
            (np.ones(len(rows)), (np.asarray(rows), np.asarray(cols))), shape=(n_rows, n_vars)
        ).tocsr()
        result = milp(
            c,
            integrality=np.ones(n_vars),
            bounds=Bounds(np.zeros(n_vars), upper),
            constraints=LinearConstraint(matrix, np.asarray(lower_b), np.asarray(upper_b)),
            # A zero relative gap: the default (1e-4 of an objective in the millions) would let the
            # solver stop before the agreement and distance terms have been optimised.
            options={"time_limit": inputs.time_limit_seconds, "mip_rel_gap": 0.0, "disp": False},
        )
        optimal = result.status == 0
        if result.x is None:
            status = "failed"  # no plan at all (nothing found before the time limit, or an error)
        else:
            status = "optimal" if optimal else "time_limit"
            for k in np.flatnonzero(result.x[:n_x] > 0.5):
                chosen.append(
                    Assignment(
                        teacher_id=inputs.candidates[pair_t[k]].teacher_id,
                        need_id=inputs.needs[pair_n[k]].need_id,
                        km=kms[k],
                        paired=paired_flags[k],
                    )
                )
    return _evaluate(inputs, chosen, (), status, optimal, started)


def recompute(inputs: PlanInput, assignments: Iterable[Assignment | tuple[int, int]]) -> Plan:
    """Check a hand-edited plan and work out its figures without solving.

    Assignments are (teacher_id, need_id); distance and agreement are taken from the inputs, not
    from what was passed. An assignment naming an unknown teacher or need is listed as a problem and
    left out; an exact repeat is listed and counted once; everything else wrong is listed and still
    counted, so the figures describe the plan as edited (a teacher on two needs fills both, but counts
    once for the home school's quota).
    """
    started = time.perf_counter()
    _check(inputs)
    teachers = {c.teacher_id: c for c in inputs.candidates}
    needs = {n.need_id: n for n in inputs.needs}
    problems: list[Problem] = []
    kept: list[Assignment] = []
    seen: set[tuple[int, int]] = set()
    used: set[int] = set()
    per_need: dict[int, int] = defaultdict(int)
    for item in assignments:
        teacher_id, need_id = (item.teacher_id, item.need_id) if isinstance(item, Assignment) else item
        cand, need = teachers.get(teacher_id), needs.get(need_id)
        if cand is None:
            problems.append(Problem("unknown_teacher", teacher_id, need_id))
            continue
        if need is None:
            problems.append(Problem("unknown_need", teacher_id, need_id))
            continue
        if teacher_id in used:
            problems.append(Problem("teacher_used_twice", teacher_id, need_id))
            if (teacher_id, need_id) in seen:
                continue
        used.add(teacher_id)
        seen.add((teacher_id, need_id))
        if not cand.available:
            problems.append(Problem("teacher_unavailable", teacher_id, need_id))
        if need.subject not in cand.subjects:
            problems.append(Problem("subject_mismatch", teacher_id, need_id))
        if not stages_compatible(cand.stage, need.stage):
            problems.append(Problem("stage_mismatch", teacher_id, need_id))
        if cand.school_id == need.school_id:
            problems.append(Problem("own_school", teacher_id, need_id))
        per_need[need_id] += 1
        kept.append(
            Assignment(
                teacher_id,
                need_id,
                km=distance_km(cand, need),
                paired=(cand.school_id, need.school_id) in inputs.paired,
            )
        )
    for need in inputs.needs:
        if per_need[need.need_id] > need.count:
            problems.append(Problem("need_over_count", need_id=need.need_id))
    return _evaluate(inputs, kept, problems, "edited", False, started)


def _reason(need: Need, inputs: PlanInput, placed: dict[int, set[int]]) -> tuple[int, str]:
    """(available compatible teachers, reason code) for a need; `placed` maps teacher → needs."""
    teaching = [c for c in inputs.candidates if need.subject in c.subjects and c.school_id != need.school_id]
    fitting = [c for c in teaching if stages_compatible(c.stage, need.stage)]
    available = [c for c in fitting if c.available]
    if not teaching:
        return 0, "no_candidate_subject"
    if not fitting:
        return 0, "no_candidate_stage"
    if not available:
        return 0, "candidates_unavailable"
    if any(not placed.get(c.teacher_id) for c in available):
        return len(available), "candidates_free"
    if all(placed[c.teacher_id] == {need.need_id} for c in available):
        return len(available), "too_few_candidates"
    return len(available), "candidates_used_elsewhere"


def _evaluate(
    inputs: PlanInput,
    assignments: list[Assignment],
    problems: Iterable[Problem],
    status: str,
    optimal: bool,
    started: float,
) -> Plan:
    """The per-school, per-need and overall figures of a list of (already validated) assignments."""
    teachers = {c.teacher_id: c for c in inputs.candidates}
    assignments = sorted(assignments, key=lambda a: (a.need_id, a.teacher_id))
    placed: dict[int, set[int]] = defaultdict(set)
    filled: dict[int, int] = defaultdict(int)
    for a in assignments:
        placed[a.teacher_id].add(a.need_id)
        filled[a.need_id] += 1

    requirements = _requirements(inputs)
    school_ids = sorted(set(requirements) | {c.school_id for c in inputs.candidates})
    rotated: dict[int, int] = defaultdict(int)
    rotated_backbone: dict[int, int] = defaultdict(int)
    for teacher_id in placed:  # distinct teachers: one on two needs still rotates once
        cand = teachers[teacher_id]
        rotated[cand.school_id] += 1
        rotated_backbone[cand.school_id] += cand.backbone
    schools = []
    for s in school_ids:
        rot, bb = requirements.get(s, (0, 0))
        schools.append(
            SchoolResult(
                school_id=s,
                required_rotated=rot,
                assigned=rotated[s],
                shortfall=max(0, rot - rotated[s]),
                required_backbone=bb,
                assigned_backbone=rotated_backbone[s],
                backbone_shortfall=max(0, bb - rotated_backbone[s]),
            )
        )

    need_results = []
    for need in inputs.needs:
        got = filled[need.need_id]
        unfilled = max(0, need.count - got)
        n_available, reason = _reason(need, inputs, placed)
        need_results.append(
            NeedResult(
                need_id=need.need_id,
                school_id=need.school_id,
                subject=need.subject,
                stage=need.stage,
                urgent=need.urgent,
                count=need.count,
                filled=got,
                unfilled=unfilled,
                candidates=n_available,
                reason=reason if unfilled else None,
            )
        )

    seats = sum(n.count for n in inputs.needs)
    unfilled_total = sum(n.unfilled for n in need_results)
    totals = Totals(
        seats=seats,
        filled=seats - unfilled_total,
        unfilled=unfilled_total,
        urgent_seats=sum(n.count for n in inputs.needs if n.urgent),
        urgent_unfilled=sum(n.unfilled for n in need_results if n.urgent),
        assignments=len(assignments),
        paired=sum(a.paired for a in assignments),
        total_km=sum(a.km for a in assignments if a.km is not None),
        unmeasured=sum(a.km is None for a in assignments),
        rotation_shortfall=sum(s.shortfall for s in schools),
        backbone_shortfall=sum(s.backbone_shortfall for s in schools),
        status=status,
        optimal=optimal,
        solve_seconds=time.perf_counter() - started,
    )
    return Plan(tuple(assignments), tuple(schools), tuple(need_results), totals, tuple(problems))
