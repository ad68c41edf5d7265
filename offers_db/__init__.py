"""Offers database: strict YAML validation, atomic sync and ranked search over SQLAlchemy."""

from offers_db.loader import LoadResult, load_offers
from offers_db.repository import OfferRepository, SearchQuery, SyncReport
from offers_db.schema import Issue, Offer

__all__ = ["Issue", "LoadResult", "Offer", "OfferRepository", "SearchQuery", "SyncReport", "load_offers"]
