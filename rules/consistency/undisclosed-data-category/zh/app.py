from django.db import models


class Member(models.Model):
    # ok: undisclosed-data-category
    real_name = models.CharField(max_length=50)
    # ok: undisclosed-data-category
    mobile_phone = models.CharField(max_length=20)
    # ok: undisclosed-data-category
    id_card_number = models.CharField(max_length=18)
    # ruleid: undisclosed-data-category
    gender = models.CharField(max_length=8)
    # ruleid: undisclosed-data-category
    email = models.EmailField()
    # the policy denies collecting it: contradicted-collection-claim's, not also undisclosed
    # ok: undisclosed-data-category
    latitude = models.FloatField()


def upload_contacts(request):
    # ok: undisclosed-data-category
    address_book = request.POST.getlist("address_book")
    return len(address_book)
