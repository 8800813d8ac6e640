"""Staff: sign-in, passwords and lock-out, and the staff accounts of a store."""
