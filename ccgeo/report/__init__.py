"""Outputs that leave the workshop: the offline HTML map and the printed report."""
