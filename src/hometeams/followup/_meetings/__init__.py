"""Meetings of a follow-up team: calendars, the chance of a common slot, and the hours spent.

Calendars say when an actor is free; :func:`~hometeams.followup.common_slot_probability`
combines them, and :func:`~hometeams.followup.meeting_hours` prices a responsibility group's
meetings against a core team's.
"""
