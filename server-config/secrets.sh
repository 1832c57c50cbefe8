# Sourced by ../icr and the server-config scripts: secrets generated once into the state directory
# (.openicr/ for the demo), readable by their owner only (mode 0600).
#
#   icr_secret FILE   prints the secret in FILE, generating it first when FILE is missing or empty
icr_secret() {
  local file="$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    # 24 random bytes as letters and digits only, so the value needs no quoting anywhere.
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 32 >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}
