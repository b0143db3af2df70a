"""Made-up secrets and numbers shared by the WhatsApp tests (never real ones)."""

ACCESS_TOKEN = "EAAG-test-access-token"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
PHONE_NUMBER_ID = "106540352242922"
SENDER_KEY = "test-sender-hmac-key"
# Saudi mobile numbers in the format Meta sends (country code, no plus sign).
USER_NUMBER = "966501234567"
OTHER_USER_NUMBER = "966559876543"
