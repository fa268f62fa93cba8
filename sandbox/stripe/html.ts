import { escapeHtml } from '../../lib/text/html';

/** The frame of the emulator's own pages (3-D Secure, mandates). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #1a1f36; margin: 0; background: #f6f9fc; }
  main { max-width: 420px; margin: 0 auto; padding: 28px 24px; background: #fff; min-height: 100vh; box-sizing: border-box; }
  .badge { display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: #a04c00; background: #fcedb9; border-radius: 4px; padding: 2px 6px; }
  h1 { font-size: 20px; margin: 12px 0; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 16px; margin: 16px 0; }
  dt { color: #697386; } dd { margin: 0; }
  .actions { display: flex; flex-direction: column; gap: 10px; margin-top: 24px; }
  button { font: inherit; font-weight: 600; padding: 10px 16px; border-radius: 6px; border: 1px solid #635bff; cursor: pointer; }
  button[value=complete] { background: #635bff; color: #fff; }
  button[value=fail] { background: #fff; color: #635bff; }
  p.note { color: #697386; font-size: 13px; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}
