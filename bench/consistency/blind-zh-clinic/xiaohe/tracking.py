"""用户行为统计（神策分析，SaaS 版）。"""
import sensorsanalytics

SA_SERVER_URL = "https://xiaohe.datasink.sensorsdata.cn/sa?project=production&token=3f9a2c"

_consumer = sensorsanalytics.BatchConsumer(SA_SERVER_URL)
sa = sensorsanalytics.SensorsAnalytics(_consumer)


def track_registration(patient_id, mobile, gender, city):
    # 运营要求按手机号和性别做用户分群
    # ruleid: pii-to-analytics, undisclosed-recipient
    sa.profile_set(str(patient_id), {"mobile": mobile, "gender": gender, "city": city}, is_login_id=True)


def track_consultation(patient_id, department):
    # ok: pii-to-analytics
    sa.track(str(patient_id), "ConsultationCreated", {"department": department}, is_login_id=True)
