import json

from alibabacloud_cloudauth20190307 import models as cloudauth_models
from alibabacloud_cloudauth20190307.client import Client as CloudauthClient
from tencentcloud.faceid.v20180301 import faceid_client, models as faceid_models

faceid = faceid_client.FaceidClient(None, "ap-guangzhou")
cloudauth = CloudauthClient(None)


def verify_real_name(member):
    req = faceid_models.IdCardVerificationRequest()
    req.IdCard = member.id_card_no
    req.Name = member.real_name
    # ruleid: pii-to-identity-verification
    faceid.IdCardVerification(req)
    token = faceid_models.GetDetectInfoRequest()
    token.BizToken = member.biz_token
    # ok: pii-to-identity-verification
    faceid.GetDetectInfo(token)


def verify_phone_owner(member):
    req = faceid_models.PhoneVerificationRequest()
    req.from_json_string(json.dumps({"IdCard": member.id_number, "Name": member.full_name, "Phone": member.mobile}))
    # ruleid: pii-to-identity-verification
    return faceid.PhoneVerification(req)


def verify_with_alibaba(member):
    request = cloudauth_models.Id2MetaVerifyRequest(param_type="normal", identify_num=member.id_card_no,
                                                     user_name=member.real_name)
    # ruleid: pii-to-identity-verification
    cloudauth.id_2meta_verify(request)
    start = cloudauth_models.InitFaceVerifyRequest(scene_id=1000, outer_order_no=member.order_no)
    # ok: pii-to-identity-verification
    cloudauth.init_face_verify(start)
