import { describe, expect, it } from 'vitest';
import { windowDescription } from './window-text';

describe('windowDescription', () => {
  it('is in the customer’s language and carries no code', () => {
    expect(windowDescription('da')).toBe('Et kort til dit abonnement');
    expect(windowDescription('en')).toBe('A card for your subscription');
    for (const text of [windowDescription('da'), windowDescription('en')]) expect(text).not.toMatch(/[A-Z]+-?\d|cp-|\{/);
  });
});
