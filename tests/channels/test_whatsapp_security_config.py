from arabic_text.pseudonyms import phone_pseudonym, pseudonym
from channels.whatsapp_config import DEFAULT_GRAPH_BASE_URL, REPO_ROOT, settings_from
from channels.whatsapp_security import is_valid_signature, is_valid_verify_token
from status_store.crypto import pseudonymous_conversation_id
from tests.fakes.meta_webhook import meta_signature
from tests.fakes.whatsapp_identities import USER_NUMBER

BODY = b'{"object":"whatsapp_business_account","entry":[]}'


def test_signature_made_like_meta_is_accepted():
    assert is_valid_signature(BODY, meta_signature(BODY, "secret"), "secret")


def test_signature_with_another_secret_is_refused():
    assert not is_valid_signature(BODY, meta_signature(BODY, "other"), "secret")


def test_signature_of_another_body_is_refused():
    assert not is_valid_signature(BODY + b" ", meta_signature(BODY, "secret"), "secret")


def test_missing_or_malformed_signature_is_refused():
    assert not is_valid_signature(BODY, None, "secret")
    assert not is_valid_signature(BODY, meta_signature(BODY, "secret")[7:], "secret")
    assert not is_valid_signature(BODY, "sha256=زائف", "secret")


def test_empty_app_secret_accepts_nothing():
    assert not is_valid_signature(BODY, meta_signature(BODY, ""), "")


def test_verify_token_must_match_exactly():
    assert is_valid_verify_token("tok", "tok")
    assert not is_valid_verify_token("tok2", "tok")
    assert not is_valid_verify_token(None, "tok")
    assert not is_valid_verify_token("", "")


def test_pseudonym_is_stable_keyed_and_hides_the_number():
    first = phone_pseudonym(USER_NUMBER, "k1")
    assert first == phone_pseudonym(USER_NUMBER, "k1") == phone_pseudonym("+" + USER_NUMBER, "k1")
    assert first != phone_pseudonym(USER_NUMBER, "k2")
    assert USER_NUMBER not in first and USER_NUMBER[-7:] not in first
    assert first.startswith("phone_")


def test_one_scheme_a_number_is_the_same_conversation_on_every_channel():
    # WhatsApp's sender id for a number is what the status store keeps for a Twilio or
    # REST conversation whose id is that number: one key, one scheme.
    assert phone_pseudonym(USER_NUMBER, "k1") == pseudonymous_conversation_id("+" + USER_NUMBER, key="k1")
    # Kinds are separated: the same digits as a message id give another pseudonym.
    assert pseudonym(USER_NUMBER, "wamsg", "k1") != phone_pseudonym(USER_NUMBER, "k1")


def test_empty_credentials_fall_back_to_environment():
    env = {
        "WHATSAPP_VERIFY_TOKEN": "v",
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_ACCESS_TOKEN": "a",
        "WHATSAPP_PHONE_NUMBER_ID": "123",
        "NATIONAL_ID_HMAC_KEY": "nk",
    }
    settings = settings_from({"verify_token": "", "app_secret": None, "access_token": "${WHATSAPP_ACCESS_TOKEN}"}, env)
    assert (settings.verify_token, settings.app_secret, settings.access_token, settings.phone_number_id) == (
        "v",
        "s",
        "a",
        "123",
    )
    assert settings.sender_key == "nk"
    assert settings.graph_base_url == DEFAULT_GRAPH_BASE_URL
    assert settings.missing() == []


def test_credentials_win_over_environment_and_the_sender_key_is_the_one_pseudonym_key():
    env = {"WHATSAPP_VERIFY_TOKEN": "env", "NATIONAL_ID_HMAC_KEY": "nk"}
    settings = settings_from({"verify_token": "yml", "graph_base_url": "http://127.0.0.1:9/v19.0/"}, env)
    assert settings.verify_token == "yml" and settings.sender_key == "nk"
    assert settings.graph_base_url == "http://127.0.0.1:9/v19.0"


def test_missing_secrets_are_named():
    missing = settings_from({}, {}).missing()
    assert "app_secret" in missing and "NATIONAL_ID_HMAC_KEY" in missing


def test_relative_dedup_path_is_under_repo_root():
    settings = settings_from({}, {"WHATSAPP_DEDUP_DB": "var/x.db"})
    assert settings.dedup_db_path == str(REPO_ROOT / "var" / "x.db")
