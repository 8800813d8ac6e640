"""The demo store: ``frontdesk demo`` fills a database with a believable salon.

Not part of the business services: a tool that writes rows in bulk for
trying the program out and for the million-client benchmarks.
"""
