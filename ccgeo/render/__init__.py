"""Map layers painted with QPainter onto any paint device (no widgets): the canvas of the app and
the map of the printed report draw with the same code, so they look the same.
"""
