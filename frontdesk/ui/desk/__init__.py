"""The check-in desk: search, registration, today's board, appointments, check-in and check-out."""
