#!/usr/bin/env sh
# A self-signed certificate for trying the compose stack on this machine (https://localhost), never for a
# deployment: bring a real certificate instead (docs/deployment.md, "Docker and compose").
#   src/deploy/make-dev-cert.sh [folder]     default: src/deploy/certs (git-ignored)
# Writes fullchain.pem and privkey.pem, the names nginx.conf reads from /etc/nginx/certs.
set -eu
dir=${1:-$(dirname "$0")/certs}
mkdir -p "$dir"
umask 077
if ! output=$(openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 30 \
    -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" \
    -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>&1); then
    echo "$output" >&2
    exit 1
fi
chmod 644 "$dir/fullchain.pem"
echo "wrote $dir/fullchain.pem and $dir/privkey.pem (self-signed, 30 days)"
