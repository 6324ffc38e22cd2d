"""The lab's certificates: a test root and intermediate, and one leaf per
certificate fault, written as the PEM files nginx and haproxy load."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

GOOD_NAMES = ["privatelink.test.cloud5.jp", "*.lab.test"]
OTHER_NAME = "other.example.test"
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Leaf:
    """A server certificate: `chain` is leaf + intermediate as servers send it,
    `bundle` is chain + key in one file for haproxy."""
    chain: Path
    key: Path
    bundle: Path


@dataclass(frozen=True)
class Pki:
    ca: Path
    good: Leaf
    other_name: Leaf
    unknown_ca: Leaf
    expired: Leaf
    not_yet_valid: Leaf


@dataclass
class _Issuer:
    name: x509.Name
    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate


def build(directory: Path) -> Pki:
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    root = _authority("plprobe lab root CA", None, now, path_length=1)
    intermediate = _authority("plprobe lab intermediate CA", root, now, path_length=0)
    rogue = _authority("Unknown rogue CA", None, now, path_length=0)
    (directory / "ca.pem").write_bytes(_pem(root.certificate))

    def leaf(file: str, names: list[str], issuer: _Issuer, not_before, not_after) -> Leaf:
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = _leaf_certificate(names, key, issuer, not_before, not_after)
        chain = _pem(certificate) + (b"" if issuer is rogue else _pem(intermediate.certificate))
        key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        paths = Leaf(directory / f"{file}.chain.pem", directory / f"{file}.key", directory / f"{file}.bundle.pem")
        paths.chain.write_bytes(chain)
        paths.key.write_bytes(key_pem)
        paths.bundle.write_bytes(chain + key_pem)
        return paths

    return Pki(
        ca=directory / "ca.pem",
        good=leaf("good", GOOD_NAMES, intermediate, now - DAY, now + 90 * DAY),
        other_name=leaf("other-name", [OTHER_NAME], intermediate, now - DAY, now + 90 * DAY),
        unknown_ca=leaf("unknown-ca", GOOD_NAMES, rogue, now - DAY, now + 90 * DAY),
        expired=leaf("expired", GOOD_NAMES, intermediate, now - 90 * DAY, now - 30 * DAY),
        not_yet_valid=leaf("not-yet-valid", GOOD_NAMES, intermediate, now + 30 * DAY, now + 120 * DAY),
    )


def _authority(common_name: str, parent: _Issuer | None, now, path_length: int) -> _Issuer:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "plprobe lab"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    signer = parent or _Issuer(name, key, None)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(signer.name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - 2 * DAY)
        .not_valid_after(now + 400 * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if parent is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(parent.key.public_key()), critical=False)
    return _Issuer(name, key, builder.sign(signer.key, hashes.SHA256()))


def _leaf_certificate(names: list[str], key, issuer: _Issuer, not_before, not_after) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(issuer.name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                       critical=False)
        .sign(issuer.key, hashes.SHA256())
    )


def _pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)
