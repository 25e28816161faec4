import analytics
import sentry_sdk
from mixpanel import Mixpanel

mp = Mixpanel("token")


def on_error(user):
    # ok: undisclosed-recipient
    sentry_sdk.set_user({"email": user.email})


def on_signup(user):
    # ruleid: undisclosed-recipient
    analytics.identify(user.id, {"email": user.email})
    # ok: undisclosed-recipient
    analytics.track(user.id, "Signed up", {"email": user.email})
    # ruleid: undisclosed-recipient
    mp.people_set(user.id, {"$phone": user.phone})
    # ok: undisclosed-recipient
    mp.track(user.id, "Signed up", {"plan": user.plan})
