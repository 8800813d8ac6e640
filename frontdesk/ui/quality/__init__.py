"""The quality inspector's spot checks of care calls (质检), a tab of the complaints page."""
