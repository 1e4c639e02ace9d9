"""The follow-up model: services, coordinators, users, teams and the programme that holds them.

Immutable, validated specifications, as :mod:`hometeams.model` is for home care: a
:class:`~hometeams.followup.FollowUpProgramme` of coordinators, complex-needs users and their
follow-up teams, optionally checked against an :class:`~hometeams.model.Organisation` whose
staff ids, users and units it shares. Nothing here imports the analyses or the flow.
"""
