import { buildFunctions } from '../scripts/build-functions';

/** Integration and e2e tests run the same bundles that get deployed: build them once per run. */
export default async function globalSetup(): Promise<void> {
  if (process.env.SKIP_FUNCTION_BUILD === '1') return;
  await buildFunctions({ outDir: process.env.FUNCTIONS_OUT });
}
