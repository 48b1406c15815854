#!/usr/bin/env bash
# `npm test`: everything that runs on Linux without WeChat — types, unit, integration (real SDK → emulator,
# functions through the host), the weapp build and its checks, and e2e (Chromium on the local H5 build).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Asia/Shanghai TENCENTCLOUD=true

echo "› typecheck"
npx tsc --noEmit -p tsconfig.json

echo "› build: cloud functions, weapp, H5 (local mode)"
npx tsx scripts/build-functions.ts
npx taro build --type weapp >/tmp/weapp-build.log 2>&1 || { cat /tmp/weapp-build.log; exit 1; }
npx tsx scripts/check-weapp.ts
# The development weapp build (what `npm run dev:weapp` compiles) for test/weapp/dev-build.test.ts.
NODE_ENV=development TARO_OUTPUT_ROOT=dist/weapp-dev npx taro build --type weapp >/tmp/weapp-dev-build.log 2>&1 || { cat /tmp/weapp-dev-build.log; exit 1; }
npx taro build --type h5 >/tmp/h5-build.log 2>&1 || { cat /tmp/h5-build.log; exit 1; }

echo "› jest: unit, integration, weapp, e2e"
mkdir -p test-results
status=0
SKIP_FUNCTION_BUILD=1 npx jest --ci --json --outputFile=test-results/jest.json "$@" || status=$?
node -e '
  const r = require("./test-results/jest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
'
exit $status
