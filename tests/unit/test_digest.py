"""base/digest.py: names and signatures without OpenSSL."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from eq2code.base.digest import MAX_KEY, hex_digest, mac, same_mac
from eq2code.base.paths import sign, verified


def test_a_digest_is_blake2b_of_the_data():
    assert hex_digest(b"softmax") == hashlib.blake2b(b"softmax", digest_size=16).hexdigest()
    assert len(hex_digest(b"softmax", 16)) == 16


def test_a_signature_is_keyed_blake2b():
    assert mac(b"k" * 32, b"payload") == hashlib.blake2b(b"payload", key=b"k" * 32, digest_size=32).hexdigest().encode()
    assert len(mac(b"k" * 32, b"payload")) == 64


def test_a_long_secret_is_hashed_to_a_key():
    long = b"s" * (MAX_KEY + 1)
    assert mac(long, b"x") == mac(hashlib.blake2b(long).digest(), b"x")
    assert mac(long, b"x") != mac(long[:MAX_KEY], b"x")


@given(st.binary(min_size=16, max_size=100), st.binary(max_size=200))
def test_a_signed_blob_verifies_under_its_secret_only(secret, payload):
    blob = sign(secret, payload)
    assert verified(secret, blob) == payload
    assert verified(secret + b"!", blob) is None
    assert verified(secret, blob + b"!") is None


def test_same_mac_compares():
    sig = mac(b"k" * 16, b"p")
    assert same_mac(b"k" * 16, sig, sig)
    assert not same_mac(b"k" * 16, sig[:-1] + b"0" if sig[-1:] != b"0" else sig[:-1] + b"1", sig)
