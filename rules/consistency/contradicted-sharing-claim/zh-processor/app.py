from alibabacloud_dysmsapi20170525 import models


def send_code(client, user, code):
    request = models.SendSmsRequest(phone_numbers=user.mobile, sign_name="示例", template_code="SMS_1",
                                    template_param=f'{{"code": "{code}"}}')
    client.send_sms(request)
