"""The benchmark harness's budget arithmetic (the runs themselves are `make bench`, minutes long)."""

from bench.run import DEEP, LISTS, REPORTS, Result, Run, budgets, scenarios


def _run(**overrides: tuple[float, float, float, int]) -> Run:
    """Every scenario at a comfortable figure unless overridden: (req/s, p50, p95/p99, errors)."""
    run = Run("test")
    for scenario in scenarios(full=True):
        rps, p50, tail, errors = overrides.get(scenario.key, (2_000.0, 5.0, 20.0, 0))
        if scenario.key.startswith("baseline"):
            rps = 10_000.0
        run.results[scenario.key] = Result(scenario, rps, p50, tail, tail, errors, int(rps * 10))
    return run


def test_a_comfortable_run_meets_every_budget() -> None:
    checks = budgets(_run(), {"health": 2.0, "/schools": 10.0})
    assert checks and all(ok for _, _, ok in checks)
    assert len(checks) == 2 * len(LISTS) + 2 * len(REPORTS) + 2 + len(DEEP) + 1


def test_each_budget_misses_when_its_figure_does() -> None:
    run = _run(
        teachers50=(1_000.0, 5.0, 20.0, 0),  # 10 % of the baseline
        meetings20=(2_000.0, 5.0, 60.0, 0),  # p95 60 ms
        province_summary=(50.0, 100.0, 250.0, 0),
        checkin20=(400.0, 20.0, 90.0, 1),
        deep_teachers=(100.0, 30.0, 40.0, 0),  # 6 × the first page's p50
    )
    missed = {name for name, _, ok in budgets(run, {"health": 2.0, "/teachers": 20.0}) if not ok}
    assert missed == {
        "teachers list at 50 connections ≥ 15 % of baseline",
        "meetings list p95 at 20 connections < 50 ms",
        "summary, whole province, p95 < 200 ms",
        "check-ins ≥ 500/s",
        "check-ins p99 < 100 ms, no errors",
        "teachers: deep page p50 ≤ 5 × first page",
        "embedded: every read median ≤ 8 × /health's",
    }
