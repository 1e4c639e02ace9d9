"""Tests of the follow-up flow simulation: reproducibility, conservation, theory, turnover."""

from __future__ import annotations

import itertools
import math

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hometeams.errors import InvalidArgument
from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatorRole,
    FlowResult,
    FlowSpec,
    FollowUpProgramme,
    concentration,
    fill_up,
    simulate_flow,
    spread_load,
)

PROFILE = ComplexNeedsUser("p", age=30, services=["gp", "nav"])


def _programme(slots: list[int], *, initial: int = 0) -> FollowUpProgramme:
    """Coordinators c0, c1, ... with the given slots; ``initial`` users spread over them."""
    roles = [CoordinatorRole(f"c{i}", hours_per_week=n) for i, n in enumerate(slots)]
    users = [
        ComplexNeedsUser(f"u{k}", age=40, services=["gp", "nav"], coordinator=f"c{k % len(slots)}")
        for k in range(initial)
    ]
    return FollowUpProgramme("x", coordinators=roles, users=[*users, PROFILE])


def _equal(a: FlowResult, b: FlowResult) -> bool:
    tables = ("users", "reappointments", "coordinators", "series")
    for name in tables:
        left, right = getattr(a, name).columns(), getattr(b, name).columns()
        for col, values in left.items():
            other = right[col]
            if values.dtype.kind == "f":
                if not np.array_equal(values, other, equal_nan=True):
                    return False
            elif not np.array_equal(values, other):
                return False
    return a.final == b.final


BASE = FlowSpec(
    _programme([3, 2, 1], initial=4),
    reports_per_week=1.5,
    case_weeks=20,
    tenure_weeks=15,
    recruitment_weeks=3,
    review_weeks=8,
    horizon_weeks=60,
)


def test_same_seed_same_results() -> None:
    """The same integer seed, or the same SeedSequence, gives identical tables."""
    assert _equal(simulate_flow(BASE, seed=5), simulate_flow(BASE, seed=5))
    assert _equal(simulate_flow(BASE, seed=5), simulate_flow(BASE, seed=np.random.SeedSequence(5)))
    assert not _equal(simulate_flow(BASE, seed=5), simulate_flow(BASE, seed=6))


def test_a_seed_sequence_is_not_used_up() -> None:
    """Passing one SeedSequence object twice gives identical results: it is never advanced."""
    seq = np.random.SeedSequence(5)
    first = simulate_flow(BASE, seed=seq)
    assert seq.n_children_spawned == 0
    assert _equal(first, simulate_flow(BASE, seed=seq))


def test_negative_seed_is_refused_by_name() -> None:
    """A negative seed is an InvalidArgument naming 'seed'."""
    with pytest.raises(InvalidArgument, match="seed"):
        simulate_flow(BASE, seed=-1)


def test_appointment_rule_does_not_change_the_reports() -> None:
    """Two rules with one seed see the same reports and assessments (common random numbers)."""
    a = simulate_flow(BASE, seed=9)
    b = simulate_flow(attrs.evolve(BASE, appoint=fill_up), seed=9)
    assert np.array_equal(a.users.user, b.users.user)
    for col in ("reported", "assessment_start", "assessed"):
        assert np.array_equal(a.users.columns()[col], b.users.columns()[col], equal_nan=True)


def test_initial_users_start_in_follow_up() -> None:
    """Coordinated users of the programme are active at week 0 with their coordinator."""
    result = simulate_flow(BASE, seed=1)
    initial = result.users.initial
    assert int(initial.sum()) == 4
    assert np.all(result.users.appointed[initial] == 0)
    assert list(result.users.coordinator[initial]) == ["c0", "c1", "c2", "c0"]
    assert result.series.active_teams[0] == 4


def test_users_without_a_coordinator_stay_outside_the_flow() -> None:
    """The profile user (no coordinator) is not simulated but is in the final programme."""
    result = simulate_flow(BASE, seed=1)
    assert "p" not in set(result.users.user)
    assert result.final.users_by_id["p"] == PROFILE


def test_no_turnover_means_no_orphans() -> None:
    """Without tenure limits nobody leaves and nobody is orphaned."""
    result = simulate_flow(attrs.evolve(BASE, tenure_weeks=None), seed=2)
    assert len(result.reappointments) == 0
    assert np.isnan(result.coordinators.left).all()
    assert result.users.orphanings.sum() == 0


def test_replacements_and_recruits_get_fresh_ids() -> None:
    """Replacements of c0 are c0.2, c0.3...; recruits of "new" are new.1, new.2..."""
    spec = attrs.evolve(
        BASE,
        tenure_weeks=4,
        recruit_when_waiting=1,
        recruit_role=CoordinatorRole("new", hours_per_week=2),
        reports_per_week=3,
    )
    result = simulate_flow(spec, seed=3)
    staff = list(result.coordinators.staff)
    replaces = dict(zip(staff, result.coordinators.replaces, strict=True))
    assert "c0.2" in staff
    assert replaces["c0.2"] == "c0"
    if "c0.3" in staff:
        assert replaces["c0.3"] == "c0.2"
    assert "new.1" in staff
    assert replaces["new.1"] == ""
    assert len(set(staff)) == len(staff)


def test_growth_recruits_coordinators_while_users_wait() -> None:
    """With recruitment on demand the number of coordinators grows under a heavy load."""
    spec = attrs.evolve(
        BASE,
        tenure_weeks=None,
        reports_per_week=3,
        recruit_when_waiting=2,
        recruit_role=CoordinatorRole("new", hours_per_week=3),
    )
    series = simulate_flow(spec, seed=4).series
    assert series.coordinators[-1] > series.coordinators[0]


def test_fixed_durations_are_exact() -> None:
    """With fixed durations, assessment and set-up take exactly their means."""
    spec = attrs.evolve(BASE, durations="fixed", assessment_weeks=1.5, setup_weeks=2.5)
    u = simulate_flow(spec, seed=8).users
    assessed = np.isfinite(u.assessed) & ~u.initial
    np.testing.assert_allclose((u.assessed - u.assessment_start)[assessed], 1.5)
    set_up = np.isfinite(u.set_up) & ~u.initial
    np.testing.assert_allclose((u.set_up - u.appointed)[set_up], 2.5)


def test_fill_up_concentrates_more_than_spread_load() -> None:
    """With room to spare, filling up loads fewer coordinators more heavily."""
    spec = FlowSpec(
        _programme([10, 10, 10, 10]),
        reports_per_week=1,
        assessment_weeks=0,
        setup_weeks=0,
        case_weeks=1000,
        tenure_weeks=None,
        horizon_weeks=20,
    )
    spread = concentration(simulate_flow(spec, seed=1).final)
    filled = concentration(simulate_flow(attrs.evolve(spec, appoint=fill_up), seed=1).final)
    assert filled.worst_orphaned == 10  # the first coordinator is filled to the brim
    assert spread.worst_orphaned < filled.worst_orphaned
    assert spread.effective_coordinators > filled.effective_coordinators


def test_a_rule_returning_a_bad_index_is_refused() -> None:
    """An appointment rule must return an index into the candidates."""
    spec = attrs.evolve(BASE, appoint=len)
    with pytest.raises(InvalidArgument, match="appoint: must return an index"):
        simulate_flow(spec, seed=1)


def test_simulate_flow_needs_a_spec() -> None:
    """Anything but a FlowSpec is refused."""
    with pytest.raises(InvalidArgument, match="spec"):
        simulate_flow("spec", seed=1)  # type: ignore[arg-type]


# -- conservation on random small flows ----------------------------------------------------------


@st.composite
def flows(draw: st.DrawFn) -> FlowSpec:
    """Small random flows: a few coordinators, short horizons, all mechanisms switched on."""
    slots = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    growth = draw(st.none() | st.integers(1, 3))
    return FlowSpec(
        _programme(slots, initial=draw(st.integers(0, 2 * sum(slots)))),
        reports_per_week=draw(st.sampled_from([0.3, 1.0, 2.5])),
        assessment_weeks=draw(st.sampled_from([0.0, 0.5, 2.0])),
        assessors=draw(st.integers(1, 3)),
        setup_weeks=draw(st.sampled_from([0.0, 1.0, 3.0])),
        case_weeks=draw(st.sampled_from([2.0, 10.0, 50.0])),
        review_weeks=draw(st.none() | st.sampled_from([2.0, 6.0])),
        tenure_weeks=draw(st.none() | st.sampled_from([3.0, 20.0])),
        recruitment_weeks=draw(st.sampled_from([0.0, 2.0])),
        recruit_when_waiting=growth,
        recruit_role=None if growth is None else CoordinatorRole("new", hours_per_week=2),
        appoint=draw(st.sampled_from([spread_load, fill_up])),
        durations=draw(st.sampled_from(["exponential", "fixed"])),
        horizon_weeks=draw(st.sampled_from([10.0, 12.5, 25.0, 40.0])),
    )


@settings(max_examples=25, deadline=None)
@given(flows(), st.integers(0, 2**32 - 1))
def test_every_user_is_in_one_state_at_the_horizon(spec: FlowSpec, seed: int) -> None:
    """The last weekly counts equal the states read from the user and coordinator tables."""
    result = simulate_flow(spec, seed=seed)
    u, r, c, s = result.users, result.reappointments, result.coordinators, result.series
    assert s.week[-1] == spec.horizon_weeks
    new = ~u.initial
    in_followup = np.isfinite(u.appointed) & np.isnan(u.exited)
    orphaned_now = np.isnan(r.reappointed) & np.isnan(r.exited)
    assert s.active_teams[-1] == in_followup.sum()
    assert s.waiting_assessment[-1] == (new & np.isnan(u.assessment_start)).sum()
    assert (
        s.waiting_appointment[-1] == (new & np.isfinite(u.assessed) & np.isnan(u.appointed)).sum()
    )
    assert s.orphaned[-1] == orphaned_now.sum()
    assert s.coordinators[-1] == np.isnan(c.left).sum()
    coordinated = sum(1 for x in result.final.users if x.coordinator is not None)
    assert coordinated == in_followup.sum() - orphaned_now.sum()


@settings(max_examples=25, deadline=None)
@given(flows(), st.integers(0, 2**32 - 1))
def test_each_user_moves_forward_through_the_steps(spec: FlowSpec, seed: int) -> None:
    """Step times never go backwards; reviews held never exceed reviews due; orphans add up."""
    result = simulate_flow(spec, seed=seed)
    u, r = result.users, result.reappointments
    steps = [u.reported, u.assessment_start, u.assessed, u.appointed, u.set_up]
    for earlier, later in itertools.pairwise(steps):
        both = np.isfinite(earlier) & np.isfinite(later)
        assert np.all(later[both] >= earlier[both])
    done = np.isfinite(u.exited)
    assert np.all(u.exited[done] >= u.appointed[done])
    assert np.all(u.reviews_held <= u.reviews_due)
    assert u.orphanings.sum() == len(r)
    assert np.all((u.orphan_weeks >= 0) & (u.orphan_weeks <= spec.horizon_weeks + 1e-9))
    assert not np.any(np.isfinite(r.reappointed) & np.isfinite(r.exited))
    back = np.isfinite(r.reappointed)
    assert np.all(r.reappointed[back] >= r.orphaned[back])


@settings(max_examples=25, deadline=None)
@given(flows(), st.integers(0, 2**32 - 1))
def test_caseloads_respect_slots_and_orphans_go_first(spec: FlowSpec, seed: int) -> None:
    """Nobody is appointed past their slots; no new user is appointed while an orphan waits."""
    result = simulate_flow(spec, seed=seed)
    c, u, r = result.coordinators, result.users, result.reappointments
    start = {k: spec.programme.caseload(k) for k in spec.programme.roles}
    for staff, peak, slots in zip(c.staff, c.peak_caseload, c.slots, strict=True):
        assert peak <= max(slots, start.get(str(staff), 0))
    new = ~u.initial & np.isfinite(u.appointed)
    ends = np.where(np.isfinite(r.reappointed), r.reappointed, r.exited)
    ends = np.where(np.isnan(ends), np.inf, ends)
    for t in u.appointed[new]:
        assert not np.any((r.orphaned < t) & (ends > t))


# -- agreement with queueing theory -------------------------------------------------------------


def _batch_se(values: np.ndarray, batches: int = 20) -> float:
    """Standard error of the mean from batch means (waits are correlated in arrival order)."""
    means = np.array([b.mean() for b in np.array_split(values, batches)])
    return float(means.std(ddof=1) / math.sqrt(batches))


def _wide() -> FollowUpProgramme:
    """One coordinator with room for everyone (37,500 slots)."""
    return FollowUpProgramme(
        "x",
        coordinators=[CoordinatorRole("all", hours_per_week=37.5)],
        users=[PROFILE],
        hours_per_user=0.001,
    )


MMC_C, MMC_WQ = 0.444444, 0.444444  # M/M/3, lambda = 2, mu = 1 (reference-values.md)


def _check_mmc(waits: np.ndarray) -> None:
    # Tolerance: 4 batch-means standard errors around the exact value. Batches of ~800
    # customers are long against the queue's correlation time at load 2/3, so batch means are
    # close to independent and normal; a miss by more than 4 SE has probability < 1e-4.
    assert abs(waits.mean() - MMC_WQ) <= 4 * _batch_se(waits)
    assert abs(np.mean(waits > 1e-12) - MMC_C) <= 4 * _batch_se((waits > 1e-12).astype(float))


def test_assessment_queue_is_mmc() -> None:
    """Three assessors, exponential assessments: the queue's waits match M/M/3."""
    spec = FlowSpec(
        _wide(),
        reports_per_week=2.0,
        assessment_weeks=1.0,
        assessors=3,
        setup_weeks=0,
        case_weeks=1.0,
        review_weeks=None,
        tenure_weeks=None,
        horizon_weeks=8_100,
        warmup_weeks=100,
    )
    u = simulate_flow(spec, seed=11).users
    keep = ~u.initial & (u.reported >= 100) & np.isfinite(u.assessment_start)
    _check_mmc((u.assessment_start - u.reported)[keep])


def test_appointment_queue_is_mmc() -> None:
    """Three one-user slots, exponential follow-up: the wait for a coordinator matches M/M/3."""
    spec = FlowSpec(
        _programme([1, 1, 1]),
        reports_per_week=2.0,
        assessment_weeks=0,
        setup_weeks=0,
        case_weeks=1.0,
        review_weeks=None,
        tenure_weeks=None,
        horizon_weeks=8_100,
        warmup_weeks=100,
    )
    u = simulate_flow(spec, seed=12).users
    keep = ~u.initial & (u.reported >= 100) & np.isfinite(u.appointed)
    _check_mmc((u.appointed - u.assessed)[keep])


@pytest.mark.slow
def test_appointment_queue_matches_reference_tolerance() -> None:
    """About 100,000 users over 3 replications: |P(wait) - C| <= 0.02, |Wq/Wq* - 1| <= 0.08."""
    waits = []
    for seed in (21, 22, 23):
        spec = FlowSpec(
            _programme([1, 1, 1]),
            reports_per_week=2.0,
            assessment_weeks=0,
            setup_weeks=0,
            case_weeks=1.0,
            review_weeks=None,
            tenure_weeks=None,
            horizon_weeks=17_000,
            warmup_weeks=500,
        )
        u = simulate_flow(spec, seed=seed).users
        keep = ~u.initial & (u.reported >= 500) & np.isfinite(u.appointed)
        waits.append((u.appointed - u.assessed)[keep])
    all_waits = np.concatenate(waits)
    assert all_waits.size > 95_000
    assert abs(np.mean(all_waits > 1e-12) - MMC_C) <= 0.02
    assert abs(all_waits.mean() / MMC_WQ - 1) <= 0.08
