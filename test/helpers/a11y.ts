import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The 适老化 floors of issue 14, measured in CSS px on a 375 px wide screen. Body text is the size the page sets on
 * its root (what text inherits unless a style makes it a caption); no text anywhere is under the secondary floor.
 * 关怀模式 raises both, and the buttons.
 */
const FLOORS = {
  normal: { body: 16, secondary: 14, target: 44, button: 44 },
  care: { body: 18, secondary: 16, target: 44, button: 48 },
} as const;

const AXE = require.resolve('axe-core/axe.min.js');
/** Every page's figures, one JSON line each, for reading after a run. */
const REPORT = path.resolve(__dirname, '../../test-results/a11y.jsonl');

interface AuditFigures {
  name: string;
  mode: 'normal' | 'care';
  url: string;
  axe: { id: string; impact: string; help: string; targets: string[] }[];
  chars: number;
  bodyPx: number;
  /** The size most characters are set in (often the secondary size on a page of cards). */
  commonPx: number;
  minTextPx: number;
  smallText: { text: string; px: number }[];
  targets: number;
  smallTargets: { what: string; width: number; height: number; min: number }[];
}

/** Measured in the page: runs once per audit, self-contained (it is serialized into the browser). */
function measure(): Omit<AuditFigures, 'name' | 'mode' | 'url' | 'axe'> {
  const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter((el) => getComputedStyle(el).display !== 'none');
  const roots: Element[] = [pages[pages.length - 1] ?? document.body];
  const tabbar = document.querySelector('.taro-tabbar__tabbar');
  if (tabbar && getComputedStyle(tabbar).display !== 'none') roots.push(tabbar);
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0';
  };
  const sizes = new Map<number, number>();
  const texts: { text: string; px: number }[] = [];
  let chars = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, '');
      const el = n.parentElement;
      if (!text || !el || !visible(el)) continue;
      const px = Math.round(parseFloat(getComputedStyle(el).fontSize) * 10) / 10;
      sizes.set(px, (sizes.get(px) ?? 0) + text.length);
      chars += text.length;
      texts.push({ text: text.slice(0, 24), px });
    }
  }
  const commonPx = [...sizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const pageRoot = roots[0].querySelector('.page') ?? roots[0];
  const bodyPx = parseFloat(getComputedStyle(pageRoot).fontSize);
  const minTextPx = Math.min(...texts.map((t) => t.px), Infinity);
  const TARGETS = [
    'button', 'taro-button-core', '[role=button]', '[role=switch]', '[role=checkbox]', '[role=radio]', '[role=tab]', 'a[href]',
    'input:not([type=hidden])', 'textarea', '.nut-button', '.nut-switch', '.nut-checkbox', '.nut-radio', '.nut-tabs-titles-item', '.nut-cell-clickable', '.weui-tabbar__item', '[data-tap]',
  ].join(',');
  const found = roots.flatMap((root) => Array.from(root.querySelectorAll(TARGETS))).filter(visible);
  // A control inside a larger control (NutUI's inner <input> in its row, a label inside a button) is tapped through it.
  const outer = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  const targets = outer.map((el) => {
    const r = el.getBoundingClientRect();
    const isButton = el.matches('button, taro-button-core, .nut-button, [role=button]');
    return { el, isButton, width: Math.round(r.width), height: Math.round(r.height) };
  });
  return {
    chars,
    bodyPx,
    commonPx,
    minTextPx: Number.isFinite(minTextPx) ? minTextPx : 0,
    smallText: texts,
    targets: targets.length,
    smallTargets: targets.map((t) => ({
      what: `${t.el.tagName.toLowerCase()}.${String(t.el.className).split(/\s+/).filter(Boolean).slice(0, 3).join('.')} 「${(t.el.textContent ?? '').trim().slice(0, 12)}」`,
      width: t.width,
      height: t.height,
      min: t.isButton ? 1 : 0,
    })),
  };
}

/**
 * The bottom action bar (src/components/bottom-bar.tsx), measured in the page: with the page at its top, a bar whose
 * content is on screen is itself wholly on screen (held at the bottom, reachable); scrolled to the end, nothing else
 * on the page lies under it. Self-contained (serialized into the browser); returns what is wrong.
 */
async function bottomBarProblems(): Promise<string[]> {
  const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter((el) => getComputedStyle(el).display !== 'none');
  const root = pages[pages.length - 1] ?? document.body;
  const bars = Array.from(root.querySelectorAll<HTMLElement>('.bottom-bar')).filter((el) => el.getClientRects().length > 0);
  if (bars.length === 0) return [];
  const scrollers = [document.scrollingElement, ...Array.from(document.querySelectorAll('*'))].filter(
    (el): el is Element => !!el && el.scrollHeight > el.clientHeight + 1 && (el === document.scrollingElement || /(auto|scroll)/.test(getComputedStyle(el).overflowY)),
  );
  const scrollAll = async (top: number) => {
    for (const el of scrollers) el.scrollTop = top;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  };
  const problems: string[] = [];
  const label = (el: Element) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').filter(Boolean).slice(0, 2).join('.')}`;
  await scrollAll(0);
  for (const bar of bars) {
    const r = bar.getBoundingClientRect();
    const parent = bar.parentElement?.getBoundingClientRect();
    if (parent && parent.top < innerHeight && (r.top < -1 || r.bottom > innerHeight + 1)) {
      problems.push(`bottom bar not held on screen: ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}px`);
    }
  }
  await scrollAll(1e7);
  for (const bar of bars) {
    const r = bar.getBoundingClientRect();
    const covered = Array.from(root.querySelectorAll<HTMLElement>('*')).filter((el) => {
      if (bar.contains(el) || el.contains(bar) || el.getClientRects().length === 0) return false;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
      if (!ownText && !/^(BUTTON|INPUT|TEXTAREA|IMG)$/.test(el.tagName)) return false;
      const e = el.getBoundingClientRect();
      return Math.min(e.bottom, r.bottom) - Math.max(e.top, r.top) > 1 && Math.min(e.right, r.right) - Math.max(e.left, r.left) > 1;
    });
    for (const el of covered.slice(0, 3)) problems.push(`bottom bar covers ${label(el)} 「${(el.textContent ?? '').trim().slice(0, 20)}」 at the end of the page`);
  }
  await scrollAll(0);
  return problems;
}

/**
 * Audits the page the person sees: axe-core (serious and critical violations, color-contrast included), text sizes
 * and tap targets against FLOORS, in the mode the app is in (关怀模式 when <html> carries `care-mode`). Prints the
 * figures and returns the failures, so a spec can `expect(await auditPage(page, name)).toEqual([])`.
 */
export async function auditPage(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // Taro's page-slide animation: measure one page, not two halves.
  await page.waitForTimeout(400);
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE });
  const care = await page.evaluate(() => document.documentElement.classList.contains('care-mode'));
  const mode = care ? 'care' : 'normal';
  const floors = FLOORS[mode];
  const axe = await page.evaluate(async () => {
    const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter((el) => getComputedStyle(el).display !== 'none');
    const roots: Element[] = [pages[pages.length - 1] ?? document.body];
    const tabbar = document.querySelector('.taro-tabbar__tabbar');
    if (tabbar && getComputedStyle(tabbar).display !== 'none') roots.push(tabbar);
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run({ include: roots }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const m = await page.evaluate(measure);
  const barProblems = await page.evaluate(bottomBarProblems);
  const figures: AuditFigures = { name, mode, url: page.url().replace(/^.*#\//, ''), axe, ...m };
  const severe = axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const smallText = m.smallText.filter((t) => t.px < floors.secondary);
  const smallTargets = m.smallTargets.filter((t) => Math.min(t.width, t.height) < (t.min ? floors.button : floors.target));
  const failures = [
    ...severe.map((v) => `axe ${v.impact} ${v.id}: ${v.help} — ${v.targets.join(' | ')}`),
    ...(m.bodyPx < floors.body ? [`body text ${m.bodyPx}px < ${floors.body}px`] : []),
    ...smallText.slice(0, 8).map((t) => `text ${t.px}px < ${floors.secondary}px: 「${t.text}」`),
    ...smallTargets.slice(0, 8).map((t) => `tap target ${t.width}×${t.height} < ${t.min ? floors.button : floors.target}: ${t.what}`),
    ...barProblems,
  ];
  const under14 = m.chars ? Math.round((100 * m.smallText.filter((t) => t.px < 14).reduce((n, t) => n + t.text.length, 0)) / m.chars) : 0;
  const minTarget = m.smallTargets.reduce((n, t) => Math.min(n, t.width, t.height), Infinity);
  console.log(
    `[a11y] ${name} (${mode === 'care' ? '关怀模式' : '标准'}): axe serious/critical ${severe.length} (all ${axe.length}); body ${m.bodyPx}px, most text ${m.commonPx}px, smallest text ${m.minTextPx}px, ${under14}% of ${m.chars} chars < 14px; ${m.targets} tap targets, smallest ${Number.isFinite(minTarget) ? minTarget : '-'}px; ${failures.length ? `FAIL\n  ${failures.join('\n  ')}` : 'ok'}`,
  );
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.appendFileSync(REPORT, `${JSON.stringify({ ...figures, smallText: smallText.slice(0, 20), smallTargets: smallTargets.slice(0, 20) })}\n`);
  return failures;
}

/** Turns 关怀模式 on or off the way the switch in 我的 does (the remembered setting), then reloads the page. */
export async function setCareMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate((value) => {
    // Taro H5 storage wraps the value: { data }.
    localStorage.setItem('careMode', JSON.stringify({ data: value }));
  }, on);
  await page.reload();
  await page.waitForLoadState('networkidle');
}
