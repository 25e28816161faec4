import braintree
import stripe

gateway = braintree.BraintreeGateway(braintree.Configuration.instantiate())
client = stripe.StripeClient("sk_test")


def create_customer(user):
    # ruleid: pii-to-payment
    customer = stripe.Customer.create(email=user.email, name=user.full_name)
    # ok: pii-to-payment
    stripe.Customer.create(metadata={"user_id": str(user.id)})
    # ok: pii-to-payment
    stripe.Customer.retrieve(customer.id)
    return customer


def checkout(order, params):
    params["receipt_email"] = order.customer.email
    # ruleid: pii-to-payment
    stripe.PaymentIntent.create(amount=order.total, currency="usd", **params)
    # ruleid: pii-to-payment
    client.customers.create(params={"email": order.customer.email})
    # ok: pii-to-payment
    client.payment_intents.create(params={"amount": order.total, "currency": "usd"})


def onboard_seller(seller):
    individual = {"first_name": seller.first_name, "dob": {"year": seller.date_of_birth.year}, "id_number": seller.ssn}
    # ruleid: pii-to-payment
    account = stripe.Account.create(type="custom", country="US", business_type="individual", individual=individual)
    # ok: pii-to-payment
    stripe.Account.create(type="express", country="US", metadata={"seller_id": str(seller.id)})
    return account


def braintree_sale(order):
    # ruleid: pii-to-payment
    gateway.transaction.sale({"amount": str(order.total), "customer": {"email": order.customer.email}})
    # ok: pii-to-payment
    gateway.transaction.sale({"amount": str(order.total), "payment_method_nonce": order.nonce})
