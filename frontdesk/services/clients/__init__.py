"""Clients: registration, the desk's search, the profile (客户档案) and its history."""
