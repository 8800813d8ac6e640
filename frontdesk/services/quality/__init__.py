"""Quality spot checks (质检): a month's care calls sampled, each judged, the month summed up."""
