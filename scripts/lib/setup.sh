# Shared by scripts/lab and scripts/test: puts Swift on PATH and installs the
# Debian packages a command needs, only when some are missing.

if [ -d /opt/swift/usr/bin ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

# Builds plprobe needs: OpenSSL 3 and c-ares headers, found through pkg-config.
BUILD_PACKAGES=(libssl-dev libc-ares-dev pkg-config)

ensure_apt_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    echo "$(basename "$0"): installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
