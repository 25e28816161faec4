"""Deployment settings; secrets come from the environment."""

import os

SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "mysql+pymysql://mall@rm-bp1.mysql.rds.aliyuncs.com/mall")

# 阿里云 OSS：主存储在华东1（杭州）
OSS_ENDPOINT = "https://oss-cn-hangzhou.aliyuncs.com"
OSS_BUCKET = "youxuan-mall-prod"
# 海外仓合作方要求的面单归档桶（新加坡）
OSS_OVERSEAS_ENDPOINT = "https://oss-ap-southeast-1.aliyuncs.com"
OSS_OVERSEAS_BUCKET = "youxuan-sg-waybills"
OSS_ACCESS_KEY_ID = os.environ.get("OSS_ACCESS_KEY_ID", "")
OSS_ACCESS_KEY_SECRET = os.environ.get("OSS_ACCESS_KEY_SECRET", "")

# 阿里云短信服务
SMS_ACCESS_KEY_ID = os.environ.get("SMS_ACCESS_KEY_ID", "")
SMS_ACCESS_KEY_SECRET = os.environ.get("SMS_ACCESS_KEY_SECRET", "")
SMS_SIGN_NAME = "优选商城"
SMS_TEMPLATE_LOGIN = "SMS_246810121"
SMS_TEMPLATE_SHIPPED = "SMS_246810135"

# 增长团队的行为分析
AMPLITUDE_API_KEY = os.environ.get("AMPLITUDE_API_KEY", "")

# 内部风控服务
RISK_API = "https://risk.internal.youxuan-mall.cn/v1/check"

ALIPAY_APP_ID = os.environ.get("ALIPAY_APP_ID", "")
