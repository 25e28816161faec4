"""小禾互联网医院在线问诊服务。"""
import os

from flask import Flask

from .models import db


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    db.init_app(app)

    from .views import bp

    app.register_blueprint(bp)
    return app
