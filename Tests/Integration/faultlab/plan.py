"""Who answers where: every scenario has its own name and loopback address,
so each fault has a listener of its own and no test depends on another."""

GOOD_HOST = "privatelink.test.cloud5.jp"
GOOD_ADDRESSES = ["127.0.0.2", "127.0.0.3"]
LAB_ZONE = "lab.test"

# Scenario name -> the loopback address its listener (or its absence) is on.
# The DNS name of a scenario is "<name>.lab.test", covered by the good
# certificate's "*.lab.test" unless the scenario swaps the certificate.
SCENARIO_ADDRESSES = {
    "wrong-name": "127.0.0.10",       # certificate for other.example.test
    "unknown-ca": "127.0.0.11",       # leaf signed by a CA nobody trusts
    "expired": "127.0.0.12",
    "not-yet-valid": "127.0.0.13",
    "plain-http": "127.0.0.14",       # plain HTTP on the TLS port
    "tls10-only": "127.0.0.15",       # server speaks TLS 1.0 only
    "client-cert": "127.0.0.16",      # haproxy requiring a client certificate
    "tls-stall": "127.0.0.17",        # accepts TCP, never answers the ClientHello
    "status-503": "127.0.0.18",
    "wrong-body": "127.0.0.19",
    "stalled-backend": "127.0.0.20",  # nginx proxies to a backend that never answers
    "endless-body": "127.0.0.21",     # a 20 GB body
    "endless-headers": "127.0.0.22",
    "garbage": "127.0.0.23",          # an SSH server behind the TLS listener
    "closed-port": "127.0.0.24",      # nothing listens: RST
}

PUBLIC_HOST = f"public.{LAB_ZONE}"
PUBLIC_ADDRESS = "203.0.113.10"     # documentation range: public, never contacted
MISSING_HOST = f"missing.{LAB_ZONE}"  # under the local zone, so NXDOMAIN
NODATA_HOST = "nodata.test"         # TXT only
SERVFAIL_HOST = "servfail.test"     # forwarded to a validating resolver that finds it bogus
REFUSED_HOST = "refused.example"    # outside every zone the resolver serves
LATE_HOST = f"late.{LAB_ZONE}"      # appears while a test is retrying
LATE_ADDRESS = GOOD_ADDRESSES[0]

# The namespace for faults no loopback listener can produce.
NETNS_BLACKHOLE = "10.213.2.1"      # TCP 443 and DNS 53 dropped by nftables
NETNS_UNREACHABLE_NET = "10.213.1.0/24"
NETNS_UNREACHABLE = "10.213.1.5"


def host(scenario: str) -> str:
    return f"{scenario}.{LAB_ZONE}"


def tls_addresses() -> list[str]:
    """Every address the TLS port must be free on."""
    return GOOD_ADDRESSES + list(SCENARIO_ADDRESSES.values())
