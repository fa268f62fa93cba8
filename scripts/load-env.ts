import nextEnv from '@next/env';

/** Scripts read `.env`, `.env.local`, … exactly as Next does, so both see one configuration. */
export function loadEnv(dev = true): void {
  nextEnv.loadEnvConfig(process.cwd(), dev, { info: () => undefined, error: console.error });
}
