"""Batch runs over RSS, Atom and JSON feeds (`newsbridge run`)."""

from .fetch import Fetcher, FetchError
from .parse import Entry, FeedError, parse_feed
from .run import Counts, Runner, Source
from ..state import State

__all__ = ["Counts", "Entry", "FeedError", "FetchError", "Fetcher", "Runner", "Source", "State", "parse_feed"]
