#!/usr/bin/env bash
# Build the Debian package, install it on this machine and use it from where
# it installed: the binary, a man page, the bash completion. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null 2>&1 || cargo install cargo-deb --locked
export DEBIAN_FRONTEND=noninteractive
if ! command -v man >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq man-db bash-completion >/dev/null
fi
cargo deb --locked
deb=$(ls -t target/debian/balances_*.deb | head -n 1)
dpkg -i "$deb" >/dev/null
/usr/bin/balances --sandbox boca get-balances partner-user-42 -o json | grep -q '"subject":"partner-user-42"'
# The copyright file names both licences and holds both texts.
grep -q 'MIT OR Apache-2.0' /usr/share/doc/balances/copyright
grep -q 'Permission is hereby granted' /usr/share/doc/balances/copyright
grep -q 'Apache License' /usr/share/doc/balances/copyright
man -w balances >/dev/null
man -w balances-boca >/dev/null
bash -c 'source /usr/share/bash-completion/completions/balances && complete -p balances' >/dev/null
echo "deb: $deb installed; /usr/bin/balances, man balances and the bash completion work"
