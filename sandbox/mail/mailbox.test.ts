import { describe, expect, it } from 'vitest';
import { createMailbox, linksOf } from './mailbox';

const mail = (to: string) => ({ to: [to], from: null, subject: 's', messageId: null, text: '', html: null, links: [], language: null });

describe('the sandbox mailbox', () => {
  it('lists one recipient’s messages, newest first, and clears only theirs', () => {
    const box = createMailbox();
    box.add(mail('a@example.com'));
    box.add(mail('b@example.com'));
    const second = box.add(mail('a@example.com'));
    expect(box.list('A@example.com').map((m) => m.id)).toEqual([second.id, expect.any(String)]);
    expect(box.clear('a@example.com')).toBe(2);
    expect(box.list()).toHaveLength(1);
  });

  it('refuses a recipient the asked number of times, then takes mail again', () => {
    const box = createMailbox();
    box.refuse('a@example.com', 2);
    expect([box.takeRefusal('a@example.com'), box.takeRefusal('A@example.com'), box.takeRefusal('a@example.com')]).toEqual([true, true, false]);
    expect(box.takeRefusal('b@example.com')).toBe(false);
  });

  it('finds the links of the HTML, else of the text', () => {
    expect(linksOf('<a href="http://x/pay/a.b?x=1&amp;y=2">go</a> <a href="http://x/pay/a.b?x=1&amp;y=2">again</a>', '')).toEqual(['http://x/pay/a.b?x=1&y=2']);
    expect(linksOf(null, 'Open: http://x/pay/t.s\nthanks')).toEqual(['http://x/pay/t.s']);
  });
});
