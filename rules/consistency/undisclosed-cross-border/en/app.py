import boto3

frankfurt = boto3.client("s3", region_name="eu-central-1")
singapore = boto3.client("s3", region_name="ap-southeast-1")
virginia = boto3.client("s3", region_name="us-east-1")
montreal = boto3.client("s3", region_name="ca-central-1")


def save_booking(patient):
    # ok: undisclosed-cross-border
    frankfurt.put_object(Bucket="bookings", Key=patient.id, Body=patient.email)
    # ok: undisclosed-cross-border
    singapore.put_object(Bucket="backups", Key=patient.id, Body=patient.email)
    # ok: undisclosed-cross-border
    montreal.put_object(Bucket="archive", Key=patient.id, Body=patient.email)
    # ruleid: undisclosed-cross-border
    virginia.put_object(Bucket="exports", Key=patient.id, Body=patient.phone)
