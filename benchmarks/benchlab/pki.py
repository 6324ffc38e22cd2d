"""The benchmark's certificates, made with the openssl command line: a root
CA, an intermediate CA and an ECDSA P-256 leaf for `*.bench.test`, all
ECDSA P-256, so every client verifies a two-certificate chain and the name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .procs import run_checked

DOMAIN = "bench.test"
CURVE = "prime256v1"

ROOT_EXTENSIONS = """basicConstraints = critical, CA:TRUE, pathlen:1
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
"""
INTERMEDIATE_EXTENSIONS = """basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""
LEAF_EXTENSIONS = f"""basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:*.{DOMAIN}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
"""


@dataclass(frozen=True)
class Pki:
    ca: Path      # the root: what clients trust
    chain: Path   # leaf + intermediate, as nginx sends it
    key: Path     # the leaf's key


def build(directory: Path) -> Pki:
    directory.mkdir(parents=True, exist_ok=True)
    root = _certificate(directory, "root", "plprobe bench root CA", ROOT_EXTENSIONS, issuer=None)
    intermediate = _certificate(directory, "intermediate", "plprobe bench intermediate CA",
                                INTERMEDIATE_EXTENSIONS, issuer=root)
    leaf = _certificate(directory, "leaf", f"*.{DOMAIN}", LEAF_EXTENSIONS, issuer=intermediate)
    chain = directory / "chain.pem"
    chain.write_bytes(leaf[0].read_bytes() + intermediate[0].read_bytes())
    return Pki(ca=root[0], chain=chain, key=leaf[1])


def _certificate(directory: Path, stem: str, common_name: str, extensions: str,
                 issuer: tuple[Path, Path] | None) -> tuple[Path, Path]:
    """Writes `stem.pem` and `stem.key`, signed by `issuer` (or by itself)."""
    key = directory / f"{stem}.key"
    certificate = directory / f"{stem}.pem"
    request = directory / f"{stem}.csr"
    extension_file = directory / f"{stem}.ext"
    extension_file.write_text(extensions)
    run_checked(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", f"ec_paramgen_curve:{CURVE}",
                 "-out", str(key)])
    run_checked(["openssl", "req", "-new", "-key", str(key), "-subj", f"/O=plprobe bench/CN={common_name}",
                 "-out", str(request)])
    signer = ["-signkey", str(key)] if issuer is None else [
        "-CA", str(issuer[0]), "-CAkey", str(issuer[1]), "-CAcreateserial"]
    run_checked(["openssl", "x509", "-req", "-in", str(request), *signer, "-days", "30", "-sha256",
                 "-extfile", str(extension_file), "-out", str(certificate)])
    return certificate, key
