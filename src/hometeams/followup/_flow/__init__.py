"""The follow-up flow: reports, assessment, appointment, set-up, reviews and turnover on SimPy.

As in :mod:`hometeams.sim`, the specification (:class:`~hometeams.followup.FlowSpec`) is built
first and consumed by a separate simulation (:func:`~hometeams.followup.simulate_flow`), which
returns columnar records (:class:`~hometeams.followup.FlowResult`).
"""
