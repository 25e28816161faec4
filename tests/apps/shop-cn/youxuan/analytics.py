"""增长团队的行为分析：事件上报到 Amplitude。"""

from amplitude import Amplitude, BaseEvent

from youxuan import settings

_client = Amplitude(settings.AMPLITUDE_API_KEY)


def track_signup(member, channel: str) -> None:
    # ruleid: pii-to-analytics, pii-cross-border, undisclosed-recipient, undisclosed-cross-border
    _client.track(BaseEvent(
        event_type="注册成功",
        user_id=str(member.id),
        user_properties={"phone": member.phone, "channel": channel},
    ))


def track_order(member, order) -> None:
    # ok: pii-to-analytics, pii-cross-border
    _client.track(BaseEvent(
        event_type="提交订单",
        user_id=str(member.id),
        event_properties={"order_no": order.order_no, "total_fen": order.total_fen},
    ))
