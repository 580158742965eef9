"""GeoJSON polygons drawn as SVG paths (no database)."""

import re

import pytest

from opencus.territory.geometry import geometry_to_svg_path
from opencus.territory.tests.factories import SQUARE

# Outer ring of a larger square with a hole in the middle, and a separate island to the east.
OUTER = [[15.0, 52.0], [15.4, 52.0], [15.4, 52.3], [15.0, 52.3], [15.0, 52.0]]
HOLE = [[15.1, 52.1], [15.2, 52.1], [15.2, 52.2], [15.1, 52.2], [15.1, 52.1]]
ISLAND = [[15.6, 52.1], [15.7, 52.1], [15.7, 52.2], [15.6, 52.1]]
POLYGON = {"type": "Polygon", "coordinates": [SQUARE]}
MULTIPOLYGON = {"type": "MultiPolygon", "coordinates": [[OUTER, HOLE], [ISLAND]]}


def _points(d: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", d)]


def test_polygon_becomes_one_closed_subpath_per_ring():
    svg = geometry_to_svg_path(POLYGON)
    assert svg["d"].count("M") == 1
    assert svg["d"].endswith("Z")
    assert len(_points(svg["d"])) == len(SQUARE)


def test_multipolygon_with_a_hole_has_one_subpath_per_ring():
    svg = geometry_to_svg_path(MULTIPOLYGON)
    assert svg["d"].count("M") == 3
    assert svg["d"].count("Z") == 3
    assert len(_points(svg["d"])) == len(OUTER) + len(HOLE) + len(ISLAND)


@pytest.mark.parametrize("geometry", [POLYGON, MULTIPOLYGON], ids=["polygon", "multipolygon"])
@pytest.mark.parametrize("size", [100.0, 400.0])
def test_shape_fits_the_requested_size(geometry, size):
    svg = geometry_to_svg_path(geometry, size=size)
    assert 0 < svg["width"] <= size
    assert 0 < svg["height"] <= size
    assert max(svg["width"], svg["height"]) == pytest.approx(size, abs=0.1)
    for x, y in _points(svg["d"]):
        assert 0 <= x <= svg["width"] + 0.1
        assert 0 <= y <= svg["height"] + 0.1


def test_longitude_is_shrunk_by_the_cosine_of_latitude():
    # 0.1° of longitude at 52°N is about 0.62 of 0.1° of latitude.
    svg = geometry_to_svg_path(POLYGON, size=100.0)
    assert svg["height"] == 100.0
    assert svg["width"] == pytest.approx(61.6, abs=0.5)


def test_north_is_up():
    svg = geometry_to_svg_path(POLYGON, size=100.0)
    first_x, first_y = _points(svg["d"])[0]  # the south-west corner
    assert (first_x, first_y) == (0.0, 100.0)


def test_a_detailed_polygon_keeps_every_point():
    # 20,000 points: the bounds are computed once (a builder that recomputed them per point
    # took minutes here), and every point is drawn.
    ring = [[16 + i / 10000, 52 + (i % 7) / 1000] for i in range(20000)] + [[16, 52]]
    result = geometry_to_svg_path({"type": "Polygon", "coordinates": [ring]})
    assert result["d"].count("L") == len(ring) - 1
