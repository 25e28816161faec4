import hashlib

from facebook_business.adobjects.serverside.event import Event
from facebook_business.adobjects.serverside.event_request import EventRequest
from facebook_business.adobjects.serverside.user_data import UserData


def report_purchase(member):
    hashed_email = hashlib.sha256(member.email.strip().lower().encode()).hexdigest()
    event = Event(event_name="Purchase", user_data=UserData(emails=[hashed_email]))
    EventRequest(events=[event], pixel_id="1234").execute()
