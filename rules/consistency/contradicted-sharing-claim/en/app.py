import logging

from mixpanel import Mixpanel

mp = Mixpanel("token")


def signup(user):
    logging.info("signup %s", user.id)
    mp.people_set(user.id, {"$email": user.email})
