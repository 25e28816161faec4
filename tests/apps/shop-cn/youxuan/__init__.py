"""优选商城会员与订单后端（Flask）。"""

from flask import Flask

from youxuan.extensions import db


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object("youxuan.settings")
    db.init_app(app)

    from youxuan import accounts, orders, payments

    app.register_blueprint(accounts.bp, url_prefix="/api/accounts")
    app.register_blueprint(orders.bp, url_prefix="/api/orders")
    app.register_blueprint(payments.bp, url_prefix="/api/payments")
    return app
