"""Application entry point: error monitoring, sessions, routes."""
import os

import sentry_sdk
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.middleware.sessions import SessionMiddleware

from .routes import OrderLookupError, router

SENTRY_DSN = os.environ.get("SENTRY_DSN", "https://5c1e9b2f07a44d1b@o4506123.ingest.us.sentry.io/4506124")

# send_default_pii so that an error report shows which customer hit it
# ruleid: pii-to-error-tracker, undisclosed-recipient
sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=True, traces_sample_rate=0.2)

app = FastAPI(title="Fernwood Market")
app.add_middleware(SessionMiddleware, secret_key=os.environ.get("SESSION_SECRET", "dev-only"))
app.include_router(router)


@app.exception_handler(OrderLookupError)
async def order_not_found(request: Request, exc: OrderLookupError):
    return JSONResponse(status_code=404, content={"detail": "Order not found"})
