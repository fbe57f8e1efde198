/**
 * The login window's origin bar: a page of its own above the sign-in page (no script, nothing to type in),
 * showing the host of the page below with a lock for https. Electron-free so it is tested.
 */
export const ORIGIN_BAR_HEIGHT = 34;

export function originBarPage(origin: { host: string; secure: boolean }): string {
  const host = escapeHtml(origin.host);
  const label = origin.secure ? `Secure connection to ${host}` : `Not secure: ${host}`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>html,body{margin:0;height:100%;overflow:hidden;user-select:none}
body{display:flex;align-items:center;gap:6px;padding:0 12px;font:13px system-ui,sans-serif;background:#f1f3f5;color:#1d2733;border-bottom:1px solid #c9ced4}
.lock{font-size:12px}.host{font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.warn{color:#a61b1b}</style></head>
<body role="status" aria-label="${label}">${origin.secure ? '<span class="lock" aria-hidden="true">🔒</span>' : '<span class="warn">Not secure</span>'}<span class="host">${host}</span></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
