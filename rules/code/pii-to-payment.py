import braintree
import stripe
from alipay import AliPay
from wechatpayv3 import WeChatPay, WeChatPayType

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


wxpay = WeChatPay(WeChatPayType.JSAPI, "1230000109", "private-key", "serial-no", "wxd678efh567hg6787", "apiv3-key",
                  notify_url="https://shop.example.com/wxpay/notify")
alipay = AliPay(appid="2016", app_notify_url=None, app_private_key_string="key", alipay_public_key_string="key")


def wechat_pay(order, user):
    # ruleid: pii-to-payment
    wxpay.pay(description="Order", out_trade_no=order.no, amount={"total": order.fen}, payer={"openid": user.openid})
    # ok: pii-to-payment
    wxpay.pay(description="Order", out_trade_no=order.no, amount={"total": order.fen}, pay_type=WeChatPayType.NATIVE)


def alipay_pay(order, user):
    # ruleid: pii-to-payment
    alipay.api_alipay_trade_create(subject="Order", out_trade_no=order.no, total_amount=order.total,
                                   buyer_id=user.alipay_user_id)
    # ok: pii-to-payment
    alipay.api_alipay_trade_page_pay(subject="Order", out_trade_no=order.no, total_amount=order.total)
    # ruleid: pii-to-payment
    alipay.api_alipay_fund_trans_toaccount_transfer(order.no, "ALIPAY_LOGONID", user.phone, order.total)
