from facebook_business.adobjects.serverside.event import Event
from facebook_business.adobjects.serverside.event_request import EventRequest
from facebook_business.adobjects.serverside.user_data import UserData

PIXEL_ID = "1234"


def report_purchase(customer, order):
    user_data = UserData(emails=[customer.email], phones=[customer.phone])
    event = Event(event_name="Purchase", user_data=user_data)
    # ruleid: pii-to-advertising
    EventRequest(events=[event], pixel_id=PIXEL_ID).execute()
    anonymous = Event(event_name="PageView", custom_data={"value": order.total})
    # ok: pii-to-advertising
    EventRequest(events=[anonymous], pixel_id=PIXEL_ID).execute()
