"""Analyses on the domain objects: access, capacity, siting, referral, scenarios. No Qt."""
