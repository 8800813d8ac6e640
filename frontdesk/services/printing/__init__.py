"""What every printout shares: the embedded Chinese font."""
