"""附近药店：调用高德地图 Web 服务的周边搜索。"""
import os

import requests

AMAP_KEY = os.environ.get("AMAP_WEB_KEY", "")
AMAP_AROUND_URL = "https://restapi.amap.com/v3/place/around"


def nearby_pharmacies(latitude, longitude, radius=3000):
    params = {
        "key": AMAP_KEY,
        "location": f"{longitude:.6f},{latitude:.6f}",
        "keywords": "药店",
        "types": "090601",
        "radius": radius,
    }
    # ruleid: pii-in-http-request, undisclosed-sensitive-data
    resp = requests.get(AMAP_AROUND_URL, params=params, timeout=5)
    resp.raise_for_status()
    pois = resp.json().get("pois", [])
    return [{"name": p["name"], "distance": p["distance"]} for p in pois]
