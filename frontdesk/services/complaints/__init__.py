"""Complaints (投诉): the case service, its deadlines and escalation, what the profile and the
desk search show of a client's complaints (see :mod:`.cases`), and the month's report
(:mod:`.report`)."""
