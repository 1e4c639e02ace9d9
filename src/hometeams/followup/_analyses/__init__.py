"""Analyses of a follow-up programme: the user-coordinator-actor graph and what it tells.

Caseloads against the 2023 survey, coordinators' capacity, concentration on a few
coordinators, coverage by age and the actors a coordinator meets -- each a function of a
:class:`~hometeams.followup.FollowUpProgramme` returning a frozen result, as
:mod:`hometeams.graph` is for home-care organisations.
"""
