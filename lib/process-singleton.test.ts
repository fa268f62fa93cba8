import { describe, expect, it } from 'vitest';
import { processSingleton } from './process-singleton';

describe('processSingleton', () => {
  it('creates once per key, for every caller in the process', () => {
    let made = 0;
    const a = processSingleton('test-a', () => ({ n: ++made }));
    const b = processSingleton('test-a', () => ({ n: ++made }));
    expect(b).toBe(a);
    expect(made).toBe(1);
    expect(processSingleton('test-b', () => 'other')).toBe('other');
  });
});
