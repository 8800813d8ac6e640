"""Complaints (投诉): the case service, its deadlines and escalation, and what the profile
and the desk search show of a client's complaints (see :mod:`.cases`)."""
