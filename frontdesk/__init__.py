"""FrontDesk: the front-desk program of beauty salons, spas and member clubs."""

__version__ = "0.1.0"
