"""Conversion reporting to Meta, so that ad campaigns can be measured and optimised."""

import hashlib
import time

from facebook_business.adobjects.serverside.action_source import ActionSource
from facebook_business.adobjects.serverside.custom_data import CustomData
from facebook_business.adobjects.serverside.event import Event
from facebook_business.adobjects.serverside.event_request import EventRequest
from facebook_business.adobjects.serverside.user_data import UserData
from facebook_business.api import FacebookAdsApi

from pulsefit import config

FacebookAdsApi.init(access_token=config.META_ACCESS_TOKEN)


def _normalize_and_hash(value: str) -> str:
    return hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()


def report_subscription(email: str, member_id: int, value_usd: float) -> None:
    """Server-side 'Subscribe' event: Meta matches the hashed e-mail address to the person who saw the ad."""
    user_data = UserData(emails=[_normalize_and_hash(email)], external_ids=[_normalize_and_hash(str(member_id))])
    event = Event(event_name="Subscribe", event_time=int(time.time()), user_data=user_data,
                  custom_data=CustomData(currency="usd", value=value_usd),
                  action_source=ActionSource.SYSTEM_GENERATED)
    # ruleid: pii-to-advertising
    EventRequest(events=[event], pixel_id=config.META_PIXEL_ID).execute()


def report_app_install_count(count: int) -> None:
    """Aggregate install count for campaign budgeting; no person is identified."""
    event = Event(event_name="AppInstallBatch", event_time=int(time.time()),
                  custom_data=CustomData(value=count), action_source=ActionSource.SYSTEM_GENERATED)
    # ok: pii-to-advertising
    EventRequest(events=[event], pixel_id=config.META_PIXEL_ID).execute()
