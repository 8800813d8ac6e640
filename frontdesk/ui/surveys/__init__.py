"""The satisfaction survey screens: the dialog that enters one, and the surveys tab."""
