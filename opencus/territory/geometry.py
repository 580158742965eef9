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
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    k = math.cos(math.radians((south + north) / 2))
    width = (east - west) * k or 1e-9
    height = (north - south) or 1e-9
    scale = size / max(width, height)
    path = []
    for ring in rings:
        coords = [f"{(pt[0] - west) * k * scale:.1f},{(north - pt[1]) * scale:.1f}" for pt in ring]
        path.append("M" + " L".join(coords) + " Z")
    return {
        "d": " ".join(path),
        "width": round(width * scale, 1),
        "height": round(height * scale, 1),
    }
