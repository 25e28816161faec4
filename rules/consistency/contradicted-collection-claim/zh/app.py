def sync_friends(request):
    mobile = request.POST["mobile"]
    address_book = request.POST.getlist("address_book")
    return mobile, len(address_book)
