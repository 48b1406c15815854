/**
 * Local H5's stand-in for WeChat's subscription sheet (wx.requestSubscribeMessage has no browser counterpart):
 * the same question, the templates' titles, 取消 / 允许. Plain DOM, so it needs no mounted React host and shows
 * above whatever page asked.
 */
const APP_NAME = '党员社区服务';

/** Resolves true on 允许, false on 取消. */
export function showSubscribeDialog(titles: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const mask = document.createElement('div');
    mask.className = 'subscribe-dialog e2e-subscribe-dialog';
    mask.setAttribute('role', 'dialog');
    mask.setAttribute('aria-modal', 'true');
    Object.assign(mask.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '10000',
      background: 'rgba(0,0,0,0.5)',
      display: 'flex',
      alignItems: 'flex-end',
      justifyContent: 'center',
    });
    const sheet = document.createElement('div');
    Object.assign(sheet.style, { background: '#fff', width: '100%', maxWidth: '480px', borderRadius: '12px 12px 0 0', padding: '20px 20px 16px', boxSizing: 'border-box', fontSize: '15px', color: '#111' });
    const title = document.createElement('div');
    title.className = 'e2e-subscribe-title';
    title.textContent = `「${APP_NAME}」想向你发送以下消息`;
    Object.assign(title.style, { fontWeight: '600', fontSize: '17px', marginBottom: '12px' });
    sheet.appendChild(title);
    for (const text of titles) {
      const row = document.createElement('div');
      row.className = 'e2e-subscribe-template';
      row.textContent = text;
      Object.assign(row.style, { padding: '10px 0', borderBottom: '1px solid #eee' });
      sheet.appendChild(row);
    }
    const buttons = document.createElement('div');
    Object.assign(buttons.style, { display: 'flex', gap: '12px', marginTop: '16px' });
    const button = (label: string, hook: string, primary: boolean, allowed: boolean) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.className = hook;
      Object.assign(b.style, {
        flex: '1',
        padding: '10px 0',
        fontSize: '16px',
        borderRadius: '6px',
        border: 'none',
        background: primary ? '#07c160' : '#f2f2f2',
        color: primary ? '#fff' : '#07c160',
      });
      b.addEventListener('click', () => {
        mask.remove();
        resolve(allowed);
      });
      buttons.appendChild(b);
    };
    button('取消', 'e2e-subscribe-cancel', false, false);
    button('允许', 'e2e-subscribe-allow', true, true);
    sheet.appendChild(buttons);
    mask.appendChild(sheet);
    document.body.appendChild(mask);
  });
}
