/** One injected clock for domain time rules. Tests and the benchmark move it through FAKE_NOW (ISO time). */
export function now(): Date {
  const fake = process.env.FAKE_NOW;
  if (fake) {
    const parsed = new Date(fake);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return new Date();
}
