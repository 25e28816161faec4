# ruleid: pii-literal
ADMIN_ID_CARD = "11010519491231002X"
# ok: pii-literal
WRONG_CHECK_DIGIT = "110105194912310021"
# ruleid: pii-literal
OWNER_MOBILE = "13912345678"
# ok: pii-literal
ORDER_NUMBER = "12345678901"
# ruleid: pii-literal
FOUNDER_EMAIL = "li.na@qq.com"
# ok: pii-literal
SUPPORT_EMAIL = "support@example.com"
# ruleid: pii-literal
TEST_CARD = "4111 1111 1111 1111"
# ok: pii-literal
NOT_A_CARD = "1234567812345678"
# ruleid: pii-literal
PAYOUT_IBAN = "DE89370400440532013000"
# ok: pii-literal
SKU = "DE89370400440532013001"


def greet():
    # ok: pii-literal
    return "Hello, 13912345678 is not a whole-value literal here"

# ok: pii-literal
__author_email__ = "li.na@qq.com"
# ok: pii-literal
SAMPLE_EMAIL = "anne@foo.EXAMPLE.com"
# ok: pii-literal
GITHUB_REMOTE = "git@github.com"
# ok: pii-literal
SSH_CERT = "-cert-v01@openssh.com"
# ok: pii-literal
SCHEMA_EXAMPLE = "email@domain.org"
# ruleid: pii-literal
REVIEWER = "Wang.Fang@Corp-Mail.cn"
# ok: pii-literal
EVENT_UID = "3f2b1c9e-8d4a-4e6b-9c1d-2a7f5e8b0c3d@calendar.shop.cn"
# ok: pii-literal
SENDER = "notifications@shop.cn"
# ok: pii-literal
ORDERS_FROM = "Orders@Fernwood-Shop.cn"
# ruleid: pii-literal
ORDER_DESK = "orders.zhang.wei@163.com"
# ruleid: pii-literal
QQ_CONTACT = "123456789@qq.com"


def package():
    # ok: pii-literal
    setup(name="shop", author_email="li.na@qq.com", maintainer_email="wang.fang@163.com")


def get_user_export_template():
    # ok: pii-literal
    return ["zhangsan", "张三", "zhangsan@qq.com", "+8613512345678"]


def export_users():
    # ruleid: pii-literal
    return ["zhangsan@qq.com"]


def api_description():
    from drf_yasg import openapi

    # ok: pii-literal
    return openapi.Info(title="Accounts API", default_version="v1", contact=openapi.Contact(email="li.na@qq.com"))


def account_contact(Contact):
    # ruleid: pii-literal
    return Contact(email="li.na@qq.com")
