"""The whole lab as one object the tests ask for URLs and options."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from . import dns, netns, pki, plan, web


@dataclass
class Lab:
    directory: Path
    pki: pki.Pki
    resolver: dns.Resolver
    web: web.Web
    namespace: netns.Namespace

    def url(self, scenario: str) -> str:
        return f"https://{plan.host(scenario)}:{self.web.port}/"

    def url_for_host(self, host: str) -> str:
        return f"https://{host}:{self.web.port}/"

    @property
    def good_url(self) -> str:
        return self.url_for_host(plan.GOOD_HOST)

    def options(self) -> list[str]:
        """The resolver and trust anchor every lab probe uses."""
        return ["--dns-server", self.resolver.address, "--ca-file", str(self.pki.ca)]


def start() -> tuple[Lab, ExitStack]:
    """Starts every server; the returned stack stops them all, in reverse order."""
    stack = ExitStack()
    directory = Path(tempfile.mkdtemp(prefix="plprobe-lab-"))
    # apache2's workers run as www-data and must read the document root.
    directory.chmod(0o755)
    stack.callback(shutil.rmtree, directory, True)
    try:
        certificates = pki.build(directory / "pki")
        resolver = dns.start(directory / "dns")
        stack.callback(resolver.stop)
        listeners = web.start(directory / "web", certificates)
        stack.callback(listeners.stop)
        namespace = netns.Namespace()
        namespace.create()
        stack.callback(namespace.delete)
    except BaseException:
        stack.close()
        raise
    return Lab(directory, certificates, resolver, listeners, namespace), stack
