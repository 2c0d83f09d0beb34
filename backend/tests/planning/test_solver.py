"""Rotation planning solver: small cases whose optimal plan is known, the hand-edit check, and a
county-size instance against the 2-second budget. Pure: no database."""

import math
import random
import time

import pytest

from app.planning.solver import (
    Assignment,
    Candidate,
    Need,
    NeedResult,
    Plan,
    PlanInput,
    Problem,
    SchoolQuota,
    SchoolResult,
    haversine_km,
    recompute,
    solve,
    stages_compatible,
)

HOST = 100  # a receiving school
A, B = 1, 2  # supporting schools
HOST_AT = (30.0, 120.0)


def teacher(
    teacher_id: int,
    school_id: int = A,
    subjects: tuple[str, ...] = ("math",),
    *,
    stage: str = "junior",
    backbone: bool = False,
    available: bool = True,
    at: tuple[float, float] | None = None,
) -> Candidate:
    lat, lon = at if at else (None, None)
    return Candidate(teacher_id, school_id, subjects, stage, backbone, available, lat, lon)


def need(
    need_id: int,
    subject: str = "math",
    *,
    school_id: int = HOST,
    stage: str = "junior",
    count: int = 1,
    urgent: bool = False,
    at: tuple[float, float] | None = HOST_AT,
) -> Need:
    lat, lon = at if at else (None, None)
    return Need(need_id, school_id, subject, stage, count, urgent, lat, lon)


def placed(plan: Plan) -> set[tuple[int, int]]:
    return {(a.teacher_id, a.need_id) for a in plan.assignments}


def school(plan: Plan, school_id: int) -> SchoolResult:
    return next(s for s in plan.schools if s.school_id == school_id)


def need_result(plan: Plan, need_id: int) -> NeedResult:
    return next(n for n in plan.needs if n.need_id == need_id)


def test_stage_map_covers_nine_year_and_complete_schools() -> None:
    assert stages_compatible("nine_year", "primary") and stages_compatible("junior", "nine_year")
    assert stages_compatible("complete", "senior") and stages_compatible("nine_year", "complete")
    assert not stages_compatible("primary", "junior")
    assert not stages_compatible("primary", "complete")
    assert stages_compatible("special", "special") and not stages_compatible("special", "primary")


def test_subject_mismatch_stays_unfilled_with_its_reason() -> None:
    plan = solve(PlanInput([teacher(1)], [need(10, "math"), need(11, "physics")]))
    assert placed(plan) == {(1, 10)}
    physics = need_result(plan, 11)
    assert (physics.filled, physics.unfilled, physics.candidates) == (0, 1, 0)
    assert physics.reason == "no_candidate_subject"
    assert need_result(plan, 10).reason is None
    assert plan.totals.optimal and plan.totals.status == "optimal"
    assert (plan.totals.seats, plan.totals.filled, plan.totals.unfilled) == (2, 1, 1)


def test_reasons_for_stage_availability_and_lack_of_teachers() -> None:
    candidates = [
        teacher(1, subjects=("math",), stage="senior"),
        teacher(2, subjects=("music",), available=False),
        teacher(3, subjects=("art",)),
    ]
    needs = [
        need(10, "math", stage="primary"),  # only a senior-school teacher teaches math
        need(11, "music"),  # the music teacher is not available
        need(12, "art", count=2),  # one art teacher for two seats
    ]
    plan = solve(PlanInput(candidates, needs))
    assert placed(plan) == {(3, 12)}
    assert need_result(plan, 10).reason == "no_candidate_stage"
    assert need_result(plan, 11).reason == "candidates_unavailable"
    art = need_result(plan, 12)
    assert (art.filled, art.unfilled, art.reason) == (1, 1, "too_few_candidates")


def test_quota_forces_a_second_teacher_from_the_school() -> None:
    # b1 teaches both subjects and is ten times nearer, so without a quota it takes one of the seats.
    candidates = [
        teacher(1, A, ("math",), at=(30.1, 120.1)),
        teacher(2, A, ("chinese",), at=(30.1, 120.1)),
        teacher(3, B, ("math", "chinese"), at=(30.01, 120.01)),
    ]
    needs = [need(10, "math"), need(11, "chinese")]
    free = solve(PlanInput(candidates, needs))
    assert 3 in {a.teacher_id for a in free.assignments}

    plan = solve(PlanInput(candidates, needs, quotas=[SchoolQuota(A, required_rotated=2)]))
    assert placed(plan) == {(1, 10), (2, 11)}
    a = school(plan, A)
    assert (a.required_rotated, a.assigned, a.shortfall) == (2, 2, 0)
    assert school(plan, B).assigned == 0
    assert plan.totals.rotation_shortfall == 0


def test_backbone_share_picks_the_backbone_teacher() -> None:
    candidates = [
        teacher(1, A, at=(30.01, 120.0)),  # near, not backbone
        teacher(2, A, backbone=True, at=(30.3, 120.0)),  # far, backbone
    ]
    needs = [need(10)]
    assert placed(solve(PlanInput(candidates, needs, quotas=[SchoolQuota(A, 1)]))) == {(1, 10)}

    plan = solve(PlanInput(candidates, needs, quotas=[SchoolQuota(A, 1, required_backbone=1)]))
    assert placed(plan) == {(2, 10)}
    a = school(plan, A)
    assert (a.assigned, a.assigned_backbone, a.backbone_shortfall) == (1, 1, 0)


def test_an_infeasible_quota_is_reported_as_a_shortfall() -> None:
    candidates = [teacher(t, A) for t in (1, 2, 3)]
    plan = solve(PlanInput(candidates, [need(10)], quotas=[SchoolQuota(A, 3, required_backbone=1)]))
    assert plan.totals.optimal
    assert len(plan.assignments) == 1
    a = school(plan, A)
    assert (a.required_rotated, a.assigned, a.shortfall) == (3, 1, 2)
    assert (a.required_backbone, a.assigned_backbone, a.backbone_shortfall) == (1, 0, 1)
    assert (plan.totals.rotation_shortfall, plan.totals.backbone_shortfall) == (2, 1)


def test_a_negative_remaining_requirement_counts_as_met() -> None:
    plan = solve(PlanInput([teacher(1)], [need(10)], quotas=[SchoolQuota(A, -2, -1)]))
    a = school(plan, A)
    assert (a.required_rotated, a.shortfall, a.required_backbone, a.backbone_shortfall) == (0, 0, 0, 0)


def test_distance_breaks_ties_and_is_reported() -> None:
    candidates = [teacher(1, A, at=(30.5, 120.0)), teacher(2, B, at=(30.1, 120.0))]
    plan = solve(PlanInput(candidates, [need(10)]))
    assert placed(plan) == {(2, 10)}
    (assignment,) = plan.assignments
    assert assignment.km == pytest.approx(11.12, abs=0.01)  # 0.1° of latitude
    assert plan.totals.total_km == pytest.approx(assignment.km)
    assert plan.totals.unmeasured == 0


def test_haversine_matches_a_known_distance() -> None:
    # Beijing (39.9042, 116.4074) to Shanghai (31.2304, 121.4737): about 1 068 km.
    assert haversine_km(39.9042, 116.4074, 31.2304, 121.4737) == pytest.approx(1067.3, abs=1.0)


def test_a_missing_coordinate_gives_no_distance_and_says_so() -> None:
    plan = solve(PlanInput([teacher(1)], [need(10)]))
    assert plan.assignments == (Assignment(1, 10, km=None, paired=False),)
    assert (plan.totals.unmeasured, plan.totals.total_km) == (1, 0.0)


def test_paired_school_preferred_at_equal_distance() -> None:
    same = (30.1, 120.0)
    candidates = [teacher(1, A, at=same), teacher(2, B, at=same)]
    plan = solve(PlanInput(candidates, [need(10)], paired=frozenset({(B, HOST)})))
    assert plan.assignments == (Assignment(2, 10, km=pytest.approx(11.12, abs=0.01), paired=True),)
    assert plan.totals.paired == 1


def test_agreement_outweighs_distance() -> None:
    candidates = [teacher(1, A, at=(30.01, 120.0)), teacher(2, B, at=(30.4, 120.0))]
    plan = solve(PlanInput(candidates, [need(10)], paired=frozenset({(B, HOST)})))
    assert placed(plan) == {(2, 10)}


def test_filling_a_seat_outweighs_an_agreement() -> None:
    # Teacher 1 (paired with the host) could take the math seat, but then the chinese seat stays empty.
    candidates = [teacher(1, A, ("math", "chinese")), teacher(2, B, ("math",))]
    plan = solve(
        PlanInput(candidates, [need(10, "math"), need(11, "chinese")], paired=frozenset({(A, HOST)}))
    )
    assert placed(plan) == {(2, 10), (1, 11)}


def test_urgent_need_filled_before_a_normal_one() -> None:
    needs = [need(10, at=(30.1, 120.0)), need(11, urgent=True, at=(30.9, 120.0))]  # the normal one is nearer
    plan = solve(PlanInput([teacher(1, at=(30.0, 120.0))], needs))
    assert placed(plan) == {(1, 11)}
    normal = need_result(plan, 10)
    assert (normal.unfilled, normal.candidates, normal.reason) == (1, 1, "candidates_used_elsewhere")
    assert (plan.totals.urgent_seats, plan.totals.urgent_unfilled) == (1, 0)


def test_unavailable_teacher_is_never_assigned() -> None:
    plan = solve(PlanInput([teacher(1, available=False), teacher(2, B)], [need(10, count=2)]))
    assert placed(plan) == {(2, 10)}


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="teacher_id"):
        solve(PlanInput([teacher(1), teacher(1)], [need(10)]))
    with pytest.raises(ValueError, match="count"):
        solve(PlanInput([teacher(1)], [need(10, count=0)]))


def test_recompute_flags_a_hand_edit_and_recomputes_the_figures() -> None:
    candidates = [
        teacher(1, A, ("math",), at=(30.1, 120.0)),
        teacher(2, B, ("chinese",), backbone=True),
        teacher(3, B, ("math",)),
    ]
    needs = [need(10, "math"), need(11, "math"), need(12, "chinese", urgent=True)]
    inputs = PlanInput(candidates, needs, quotas=[SchoolQuota(A, 1), SchoolQuota(B, 1, 1)])
    plan = recompute(inputs, [(1, 10), (1, 11), (2, 10), (99, 12), Assignment(1, 10)])
    assert set(plan.problems) == {
        Problem("teacher_used_twice", 1, 11),
        Problem("teacher_used_twice", 1, 10),  # the exact repeat, counted once
        Problem("subject_mismatch", 2, 10),
        Problem("unknown_teacher", 99, 12),
        Problem("need_over_count", need_id=10),
    }
    assert placed(plan) == {(1, 10), (1, 11), (2, 10)}
    assert next(a for a in plan.assignments if a.teacher_id == 1 and a.need_id == 10).km == pytest.approx(
        11.12, abs=0.01
    )
    assert (need_result(plan, 10).filled, need_result(plan, 10).unfilled) == (2, 0)
    assert need_result(plan, 11).filled == 1
    chinese = need_result(plan, 12)
    assert (chinese.unfilled, chinese.reason) == (1, "candidates_used_elsewhere")
    a, b = school(plan, A), school(plan, B)
    assert (a.assigned, a.shortfall) == (1, 0)  # teacher 1 rotates once, though on two needs
    assert (b.assigned, b.shortfall, b.assigned_backbone, b.backbone_shortfall) == (1, 0, 1, 0)
    t = plan.totals
    assert (t.seats, t.filled, t.unfilled, t.urgent_seats, t.urgent_unfilled) == (3, 2, 1, 1, 1)
    assert (t.assignments, t.unmeasured, t.status, t.optimal) == (3, 1, "edited", False)

    # A valid edit that leaves teacher 3 at home: need 11 has a free candidate.
    edited = recompute(inputs, [(1, 10), (2, 12)])
    assert edited.problems == ()
    assert need_result(edited, 11).reason == "candidates_free"
    assert school(edited, B).shortfall == 0


def test_recompute_of_a_solved_plan_gives_the_same_figures() -> None:
    inputs = _county_inputs(seed=7, teachers=120, needs=30, schools=6)
    plan = solve(inputs)
    again = recompute(inputs, plan.assignments)
    assert again.problems == ()
    assert again.assignments == plan.assignments
    assert again.schools == plan.schools and again.needs == plan.needs
    assert again.totals.filled == plan.totals.filled and again.totals.total_km == plan.totals.total_km


SUBJECTS = ("chinese", "math", "english", "physics", "chemistry", "biology", "history", "music", "pe")
STAGES = ("primary", "junior", "senior", "nine_year", "complete")


def _county_inputs(*, seed: int, teachers: int, needs: int, schools: int) -> PlanInput:
    """A county: supporting and receiving schools within ~60 km, two subjects a teacher, 10 % quotas."""
    rng = random.Random(seed)

    def place() -> tuple[float, float]:
        return 29.8 + rng.random() * 0.5, 119.8 + rng.random() * 0.6

    supporting = {s: (rng.choice(STAGES), place()) for s in range(1, schools + 1)}
    receiving = {r: (rng.choice(STAGES), place()) for r in range(1000, 1000 + max(1, needs // 3))}
    candidates = []
    for t in range(1, teachers + 1):
        s = rng.randrange(1, schools + 1)
        stage, at = supporting[s]
        subjects = tuple(rng.sample(SUBJECTS, 2))
        candidates.append(
            Candidate(t, s, subjects, stage, rng.random() < 0.25, rng.random() < 0.9, at[0], at[1])
        )
    need_list = []
    for n in range(1, needs + 1):
        r = rng.choice(list(receiving))
        stage, at = receiving[r]
        need_list.append(
            Need(n, r, rng.choice(SUBJECTS), stage, rng.randint(1, 3), rng.random() < 0.3, at[0], at[1])
        )
    per_school = {s: sum(c.school_id == s for c in candidates) for s in supporting}
    quotas = [
        SchoolQuota(s, math.ceil(0.10 * per_school[s]), math.ceil(0.20 * math.ceil(0.10 * per_school[s])))
        for s in supporting
    ]
    paired = frozenset((s, rng.choice(list(receiving))) for s in supporting for _ in range(2))
    return PlanInput(candidates, need_list, quotas, paired)


def test_a_county_size_instance_solves_to_optimality() -> None:
    """Its time is measured by `make bench` (docs/benchmarks.md), not asserted here."""
    inputs = _county_inputs(seed=2026, teachers=500, needs=100, schools=20)
    solve(PlanInput(inputs.candidates[:5], inputs.needs[:5]))  # warm up scipy's imports
    started = time.perf_counter()
    plan = solve(inputs)
    elapsed = time.perf_counter() - started
    t = plan.totals
    print(
        f"\ncounty: {len(inputs.candidates)} teachers, {len(inputs.needs)} needs ({t.seats} seats), "
        f"{len(inputs.quotas)} supporting schools: {elapsed:.3f} s, {t.status}, filled {t.filled}, "
        f"urgent unfilled {t.urgent_unfilled}, rotation shortfall {t.rotation_shortfall}, "
        f"backbone shortfall {t.backbone_shortfall}, {t.paired} paired, {t.total_km:.0f} km"
    )
    assert t.optimal
    assert t.filled > 0.8 * t.seats  # the instance is a realistic one, not an empty plan
    assert recompute(inputs, plan.assignments).problems == ()  # the solution keeps every constraint


def test_a_teacher_never_rotates_to_their_own_school() -> None:
    """A school that both supports and receives: its need is filled from another school, or not at all."""
    own = teacher(1, HOST)
    plan = solve(PlanInput([own], [need(10, school_id=HOST)]))
    assert placed(plan) == set() and need_result(plan, 10).reason == "no_candidate_subject"
    plan = solve(PlanInput([own, teacher(2, A)], [need(10, school_id=HOST)]))
    assert placed(plan) == {(2, 10)}
    edited = recompute(PlanInput([own], [need(10, school_id=HOST)]), [(1, 10)])
    assert [p.code for p in edited.problems] == ["own_school"]
