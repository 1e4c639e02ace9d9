"""Reports a planner reads: the organisation analysis in a terminal, or as JSON.

:func:`analysis_text` is what ``hometeams analyse FILE`` prints, in English or Norwegian
(bokmål) labels (:data:`LABELS`); :func:`analysis_dict` is the same content as JSON-serialisable
data for ``hometeams analyse --json``.

Examples
--------
>>> from hometeams.model import Organisation, Staff
>>> from hometeams.report import analysis_text
>>> org = Organisation("Distrikt 1", staff=[Staff("kari", profession="nurse")])
>>> print(analysis_text(org, lang="nb").splitlines()[0])
Analyse av Distrikt 1
"""

from __future__ import annotations

from hometeams.report._analysis import LABELS, analysis_dict, analysis_text

__all__ = ["LABELS", "analysis_dict", "analysis_text"]
