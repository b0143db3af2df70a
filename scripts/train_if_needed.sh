#!/usr/bin/env bash
# Trains a model only when the data, config, domain or custom NLU components changed
# since the last training. The fingerprint of those inputs is kept in var/.
source "$(dirname "$0")/common.sh"

fingerprint="$(cat config.yml domain.yml $(find data rasa_extensions arabic_text saudi_locale -type f \( -name '*.yml' -o -name '*.py' \) | sort) | sha256sum | cut -d' ' -f1)"
stamp="var/model.fingerprint"
if [ -f models/current.tar.gz ] && [ "$(cat "$stamp" 2>/dev/null)" = "$fingerprint" ]; then
  log "Model is up to date (models/current.tar.gz)"
  exit 0
fi
log "Training the model (data, config or domain changed)"
start=$(date +%s)
"$VENV/bin/rasa" train --fixed-model-name current --out models --quiet "$@"
echo "$fingerprint" > "$stamp"
echo "$(( $(date +%s) - start ))" > var/last_training_seconds
log "Trained in $(cat var/last_training_seconds) s"
