"""The complaint screens: intake, the cases page with its stage actions, the deadlines."""
