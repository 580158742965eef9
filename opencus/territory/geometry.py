"""Turn a GeoJSON polygon into an SVG path, so a unit's shape shows without a map library."""

import math


def _rings(geometry: dict):
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def geometry_to_svg_path(geometry: dict, size: float = 400.0) -> dict:
    """Return ``{"d": path, "width": w, "height": h}`` in an equirectangular projection.

    Longitude is scaled by cos(latitude) so that shapes in Poland are not stretched.
    """
    rings = list(_rings(geometry))
    points = [pt for ring in rings for pt in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    width = (max(lons) - min(lons)) * k or 1e-9
    height = (max(lats) - min(lats)) or 1e-9
    scale = size / max(width, height)
    path = []
    for ring in rings:
        coords = [
            f"{(lon - min(lons)) * k * scale:.1f},{(max(lats) - lat) * scale:.1f}"
            for lon, lat in ring
        ]
        path.append("M" + " L".join(coords) + " Z")
    return {
        "d": " ".join(path),
        "width": round(width * scale, 1),
        "height": round(height * scale, 1),
    }
