from django.http import JsonResponse


def verify(request):
    # ok: undisclosed-sensitive-data
    mobile = request.POST["mobile"]
    # ruleid: undisclosed-sensitive-data
    id_number = request.POST["id_number"]
    return JsonResponse({"ok": bool(mobile and id_number)})


def nearby_stores(request):
    # ruleid: undisclosed-sensitive-data
    latitude = request.GET["latitude"]
    # ok: undisclosed-sensitive-data
    longitude = request.GET["longitude"]
    return JsonResponse({"at": [latitude, longitude]})


def add_family_member(request):
    # ok: undisclosed-sensitive-data
    child_name = request.POST["child_name"]
    return JsonResponse({"name": child_name})
