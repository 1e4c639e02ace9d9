"""Hypothesis strategies for follow-up programmes, and tests that they draw valid ones.

Other ``test_followup_*`` modules import :func:`programmes` from here. (The project's shared
strategies live in ``tests/strategies.py``, which another engineer owns; these could move there.)
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hometeams.followup import (
    ComplexNeedsUser,
    CoordinatorRole,
    FollowUpProgramme,
    FollowUpTeam,
    IndividualPlan,
    Service,
)

SERVICES = sorted(Service, key=lambda s: s.value)


@st.composite
def roles(draw: st.DrawFn, *, max_size: int = 6) -> list[CoordinatorRole]:
    """Coordinator roles with ids c0, c1, ... and assorted budgets and caps."""
    n = draw(st.integers(0, max_size))
    return [
        CoordinatorRole(
            f"c{i}",
            hours_per_week=draw(st.sampled_from([0.5, 1.0, 2.0, 3.5, 8.0])),
            max_caseload=draw(st.none() | st.integers(1, 6)),
            service=draw(st.none() | st.sampled_from(SERVICES)),
        )
        for i in range(n)
    ]


@st.composite
def users(
    draw: st.DrawFn, *, coordinators: list[str], max_size: int = 12
) -> list[ComplexNeedsUser]:
    """Users u0, u1, ... with random services, some coordinated by the given staff.

    Each user is drawn from a few integers (a bit mask of services, an index for the
    coordinator...), which keeps drawing fast.
    """
    out = []
    for j in range(draw(st.integers(0, max_size))):
        mask, age, who, contact, gp, plan = draw(
            st.tuples(
                st.integers(1, 2 ** len(SERVICES) - 1),
                st.integers(0, 100),
                st.integers(-1, len(coordinators) - 1),
                st.integers(-1, 2),
                st.integers(-1, 1),
                st.booleans(),
            )
        )
        services = frozenset(s for k, s in enumerate(SERVICES) if mask >> k & 1)
        out.append(
            ComplexNeedsUser(
                f"u{j}",
                age=age,
                services=services,
                coordinator=coordinators[who] if who >= 0 else None,
                primary_contact=["p1", "p2", "c0"][contact] if contact >= 0 else None,
                gp=["gp-a", "gp-b"][gp] if gp >= 0 and Service.GP in services else None,
                plan=IndividualPlan() if plan else None,
            )
        )
    return out


@st.composite
def programmes(
    draw: st.DrawFn, *, max_coordinators: int = 5, max_users: int = 12
) -> FollowUpProgramme:
    """Small valid standalone programmes, some with explicit teams."""
    drawn_roles = draw(roles(max_size=max_coordinators))
    drawn_users = draw(users(coordinators=[r.staff for r in drawn_roles], max_size=max_users))
    teams = []
    for user in drawn_users:
        if user.coordinator is not None and draw(st.booleans()):
            listed = sorted(user.services, key=lambda s: s.value)
            mask = draw(st.integers(0, 2 ** len(listed) - 1))
            core = [s for k, s in enumerate(listed) if mask >> k & 1]
            teams.append(FollowUpTeam.around(user, core=core))
    return FollowUpProgramme(
        "drawn",
        coordinators=drawn_roles,
        users=drawn_users,
        teams=teams,
        hours_per_user=draw(st.sampled_from([0.5, 1.0, 1.5])),
    )


@given(programmes())
def test_drawn_programmes_are_valid_and_consistent(programme: FollowUpProgramme) -> None:
    """Every drawn programme builds, and its caseloads account for every coordinated user."""
    coordinated = [u for u in programme.users if u.coordinator is not None]
    assert sum(len(v) for v in programme.caseloads.values()) == len(coordinated)
    assert set(programme.caseloads) == {r.staff for r in programme.coordinators}
