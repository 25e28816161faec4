from twilio.rest import Client

client = Client("sid", "token")


def send_code(user, code):
    client.messages.create(to=user.phone_number, from_="+15550100", body=f"Your code is {code}")
