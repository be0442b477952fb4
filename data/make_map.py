#!/usr/bin/env python3
"""Regenerates data/map.json: Zhejiang's 11 prefectures as simplified SVG paths.

Source: ../shared/data/zhejiang-prefectures.geojson — decoded from map/json/province/zhejiang.json
in the npm package echarts@4.9.0 (Apache-2.0), GCJ-02 coordinates on a 1/1024° grid.
Projection: equirectangular, x scaled by cos(29.2°); Douglas–Peucker simplification; islands
smaller than MIN_AREA dropped. usage: python3 data/make_map.py GEOJSON > data/map.json
"""
import json, math, sys

TOLERANCE = 0.018     # degrees
MIN_AREA = 0.004      # square degrees; keeps the main Zhoushan islands
WIDTH = 600
KX = math.cos(math.radians(29.2))

def dp(points, tol):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy) or 1e-12
    best, index = -1, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
        if d > best:
            best, index = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return dp(points[: index + 1], tol)[:-1] + dp(points[index:], tol)

def area(ring):
    return abs(sum(ring[i][0] * ring[i - 1][1] - ring[i - 1][0] * ring[i][1] for i in range(len(ring)))) / 2

geo = json.load(open(sys.argv[1]))
rings = {}
for f in geo["features"]:
    geom = f["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    rings[f["id"]] = [[(x * KX, -y) for x, y in poly[0]] for poly in polys if area([(x * KX, y) for x, y in poly[0]]) >= MIN_AREA]
xs = [x for rs in rings.values() for r in rs for x, _ in r]
ys = [y for rs in rings.values() for r in rs for _, y in r]
minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
scale = WIDTH / (maxx - minx)
height = round((maxy - miny) * scale)
def pt(p):
    return (round((p[0] - minx) * scale), round((p[1] - miny) * scale))
out = {"source": "echarts@4.9.0 map/json/province/zhejiang.json (Apache-2.0), via ../shared/data; simplified by data/make_map.py",
       "width": WIDTH, "height": height, "cities": []}
for f in sorted(geo["features"], key=lambda f: f["id"]):
    d = []
    for ring in rings[f["id"]]:
        mid = len(ring) // 2  # a closed ring's ends coincide: simplify its two halves
        simple = dp(ring[: mid + 1], TOLERANCE * KX)[:-1] + dp(ring[mid:], TOLERANCE * KX)
        pts = []
        for p in map(pt, simple):
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 4:
            d.append("M" + "L".join(f"{x} {y}" for x, y in pts[:-1]) + "Z")
    # Label at the centroid of the largest polygon (the seat `cp` sits on an edge for Hangzhou).
    ring = max(rings[f["id"]], key=area)
    a = sum(ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1] for i in range(len(ring))) / 2
    cx = sum((ring[i - 1][0] + ring[i][0]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]) for i in range(len(ring))) / (6 * a)
    cy = sum((ring[i - 1][1] + ring[i][1]) * (ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]) for i in range(len(ring))) / (6 * a)
    lx, ly = pt((cx, cy))
    out["cities"].append({"adcode": str(f["id"]), "path": "".join(d), "label_x": lx, "label_y": ly})
print(json.dumps(out, ensure_ascii=False, indent=1))
