"""Satisfaction surveys (满意度调查): the store's questionnaire, its settings, the answers
entered at the desk or on a survey call, and the scan's sample of visits to call about.

:mod:`.service` is ``Services.surveys``; :mod:`.templates` keeps the questionnaire
(versioned: a new template is a new row), :mod:`.settings` the sample and thresholds (the
``care_rule`` row of kind ``survey``), :mod:`.record` writes one survey (a low score opens
a complaint), :mod:`.source` is the care scan's rule for survey calls.
"""
