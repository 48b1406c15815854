#!/usr/bin/env bash
# `npm test`: everything that runs on Linux without WeChat — types, unit, integration (real SDK → emulator,
# functions through the host), the weapp build and its checks, and e2e (Chromium on the local H5 build).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=Asia/Shanghai TENCENTCLOUD=true

echo "› typecheck"
npx tsc --noEmit -p tsconfig.json

echo "› lint: import boundaries, cycles, unused code (eslint.config.mjs, knip.config.ts)"
npm run --silent lint

echo "› build: cloud functions, weapp, H5 (local mode)"
npx tsx scripts/build-functions.ts
# The weapp builds under test carry the local platform's template ids (localTemplateEnv of
# src/domain/notice-templates.ts), so their taps ask for what the local platform grants; `npm run build:weapp` and
# `npm run release:weapp` build with the deployment's ids again.
mapfile -t LOCAL_TEMPLATE_ENV < <(npx tsx -e "import { localTemplateEnv } from './src/domain/notice-templates'; for (const [k, v] of Object.entries(localTemplateEnv())) console.log(k + '=' + v);")
[ "${#LOCAL_TEMPLATE_ENV[@]}" -gt 0 ] || { echo "could not read the local template ids"; exit 1; }
env "${LOCAL_TEMPLATE_ENV[@]}" npx taro build --type weapp >/tmp/weapp-build.log 2>&1 || { cat /tmp/weapp-build.log; exit 1; }
npx tsx scripts/check-weapp.ts
# The development weapp build (what `npm run dev:weapp` compiles) for test/weapp/dev-build.test.ts.
env "${LOCAL_TEMPLATE_ENV[@]}" NODE_ENV=development TARO_OUTPUT_ROOT=dist/weapp-dev npx taro build --type weapp >/tmp/weapp-dev-build.log 2>&1 || { cat /tmp/weapp-dev-build.log; exit 1; }
npx taro build --type h5 >/tmp/h5-build.log 2>&1 || { cat /tmp/h5-build.log; exit 1; }

echo "› jest: unit, component, integration, weapp, e2e"
mkdir -p test-results
status=0
SKIP_FUNCTION_BUILD=1 npx jest --ci --json --outputFile=test-results/jest.json "$@" || status=$?
JEST_STATUS=$status node -e '
  const r = require("./test-results/jest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
  // Jest also fails a run whose tests all passed when something logs after its test file ended ("Cannot log after
  // tests are done" above): work a test left running. Say so, since the counts alone look green.
  if (r.success && process.env.JEST_STATUS !== "0") console.log(`jest exited ${process.env.JEST_STATUS} although every test passed: look above for "Cannot log after tests are done" or an error printed after a test file ended`);
'
exit $status
