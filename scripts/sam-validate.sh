#!/usr/bin/env bash
# Validates infra/template.yaml offline, with no AWS credentials and no network:
#   1. `sam validate --lint`: cfn-lint over the template and its SAM transform;
#   2. the full SAM transform (the one CloudFormation runs at deploy), which also checks
#      event wiring that the linter lets through (e.g. an IAM-authorised route on an API
#      without the IAM authorizer).
# Needs the tools from scripts/install-deploy-tools.sh (aws-sam-cli in .tools/venv).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
TEMPLATE="infra/template.yaml"
cd "$ROOT"

if [[ ! -x "$VENV/bin/sam" ]]; then
  echo "sam-validate: sam missing from $VENV; run scripts/install-deploy-tools.sh" >&2
  exit 1
fi

# A region is required even offline; no telemetry or update check (CI reaches no AWS host).
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"
export AWS_REGION="${AWS_REGION:-$AWS_DEFAULT_REGION}"
export SAM_CLI_TELEMETRY=0
export SAM_CLI_DISABLE_VERSION_CHECK=1

"$VENV/bin/sam" validate --lint --template-file "$TEMPLATE"

"$VENV/bin/python" - "$TEMPLATE" <<'PY'
"""Runs the SAM transform locally. Local CodeUri/ContentUri paths become placeholder S3
URIs (sam package does the same with real ones), and the one managed policy SAM attaches
is resolved from a fixed map instead of asking IAM."""
import re
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class ManagedPolicies:
    def load(self):
        return {
            "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
        }


path = sys.argv[1]
text = re.sub(r"(CodeUri|ContentUri): \.\./\S+", r"\1: s3://placeholder/key.zip", open(path).read())
output = transform(yaml_parse(text), {}, ManagedPolicies())
resources = output["Resources"]
kinds = sorted({r["Type"] for r in resources.values()})
print(f"{path}: SAM transform gives {len(resources)} resources ({', '.join(kinds)})")
PY
