"""The map canvas: layers drawn with QPainter, pan, zoom, identify."""
