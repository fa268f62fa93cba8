import { describe, it } from 'vitest';

/**
 * Contract mode (issue 8): ONE suite body per provider, run against a target. The sandbox
 * target always runs (the integration project starts the sandbox); the real provider's test
 * environment runs only when its keys are in the environment, and otherwise the output says
 * "skipped: no test keys". So the sandbox and the real provider answer the very same tests.
 */
export type ContractTarget<C> = { kind: 'sandbox' | 'real'; config: C };

export function describeContract<C>(
  provider: string,
  targets: { sandbox: C; real: C | undefined; keys: string[] },
  body: (target: ContractTarget<C>) => void,
): void {
  describe(`${provider} contract · sandbox`, () => body({ kind: 'sandbox', config: targets.sandbox }));
  const real = targets.real;
  if (real !== undefined) {
    describe(`${provider} contract · real test environment`, () => body({ kind: 'real', config: real }));
    return;
  }
  const line = `${provider} contract · real test environment: skipped: no test keys (set ${targets.keys.join(', ')})`;
  console.log(line);
  it.skip(line, () => {});
}

/** A short unique suffix for names a contract run creates (order ids, descriptions). */
export function contractRunId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
