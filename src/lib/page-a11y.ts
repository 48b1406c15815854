/**
 * What screen readers and keyboards need from the H5 page that Taro and NutUI leave out. On weapp the WeChat client
 * reads the native components itself, so this does nothing there.
 * - NutUI passes `ariaRole` to Taro's View, which H5 renders as the unknown attribute `aria-role`: copy it to `role`.
 * - Each Taro page is a scrolling region: it takes focus, so a keyboard can scroll it, and is announced as the main
 *   content.
 */
function fix(root: ParentNode): void {
  root.querySelectorAll('[aria-role]').forEach((el) => {
    const role = el.getAttribute('aria-role');
    if (role && el.getAttribute('role') !== role) el.setAttribute('role', role);
    el.removeAttribute('aria-role');
  });
  root.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => {
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'main');
  });
}

export function watchPageAccessibility(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  let queued = false;
  const run = () => {
    queued = false;
    fix(document);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // One pass per frame, after React has committed the page.
    requestAnimationFrame(run);
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-role'] });
  run();
}
