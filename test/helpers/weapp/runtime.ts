/**
 * Runs a weapp build in Node the way WeChat's two layers would, close enough to catch white screens:
 * - render layer: the WXML compiled by WeChat's `wcc`, rendered by WeChat's component engine (miniprogram-exparser,
 *   through j-component) into jsdom; built-in components are miniprogram-simulate's stubs;
 * - logic layer: the package's JS loaded with a WeChat-like `require` (only files of the package), with no
 *   `window`/`document`, `App()`/`Page()`/`Component()` captured, and a recorded `wx` (see wx.ts).
 * Problems a person would meet (a throw, console.error, an unhandled rejection, a `WXMLRT` warning from the
 * templates) are collected in `problems`; the tests assert that list is empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWx, type WxCall, type WxOptions } from './wx';

/* eslint-disable @typescript-eslint/no-require-imports -- the harness loads the package's CommonJS files the way WeChat's require does */

export interface WeappProblem {
  kind: 'error' | 'console.error' | 'WXMLRT' | 'unhandledRejection' | 'wx';
  message: string;
  /** The page being shown when it happened (null: app start-up). */
  page: string | null;
}

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  window?: Record<string, unknown>;
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
}

/** Every page of app.json, main package first, then each subpackage's pages under its root. */
export function pagesOf(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((sp) => sp.pages.map((p) => `${sp.root.replace(/^\/+|\/+$/g, '')}/${p}`))];
}

// ---- render layer: jsdom + exparser, installed once per jest module registry --------------------------------

/** Globals the render layer needs; the logic layer gets them shadowed as undefined, as in WeChat. */
const DOM_GLOBALS = ['window', 'document', 'navigator', 'self', 'location', 'history', 'localStorage', 'sessionStorage', 'Node', 'Element', 'HTMLElement', 'CustomEvent', 'TouchEvent', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'XMLHttpRequest'] as const;

let engine: { exparser: any; jComponent: any } | null = null;
let problemSink: ((p: Omit<WeappProblem, 'page'>) => void) | null = null;

function installRenderLayer() {
  if (engine) return engine;
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true, url: 'https://servicewechat.com/' });
  const g = globalThis as any;
  for (const name of DOM_GLOBALS) {
    if (name === 'window') g.window = dom.window;
    else if (dom.window[name] !== undefined) {
      Object.defineProperty(g, name, { value: typeof dom.window[name] === 'function' && /^[a-z]/.test(name) ? dom.window[name].bind(dom.window) : dom.window[name], configurable: true, writable: true });
    }
  }
  // The version wcc's output checks before it renders.
  dom.window.__webview_engine_version__ = 0.02;
  g.__webview_engine_version__ = 0.02;
  const exparser = require('miniprogram-exparser');
  // miniprogram-simulate registers stubs for WeChat's built-in components (view, text, button, …).
  require('miniprogram-simulate');
  const jComponent = require('j-component');
  // Exparser reports a throwing lifecycle, observer or handler here (then logs it); one report is enough.
  exparser.addGlobalErrorListener((error: Error, info: { message?: string }) => {
    problemSink?.({ kind: 'error', message: `${info?.message ?? ''} ${error?.stack ?? error}` });
    return false;
  });
  engine = { exparser, jComponent };
  return engine;
}

/** Evaluates wcc's output (it writes to `window`) and returns `$gwx`. */
export function evaluateTemplates(templateSource: string) {
  installRenderLayer();
  // wcc's code keeps its caches in implicit globals (`__WXML_GLOBAL__`, `$gwx`); local vars keep two builds apart.
  // It also adds the same non-configurable `nv_*` helpers to built-in prototypes, once per webview in WeChat; a
  // second build in this process must reuse them rather than throw "Cannot redefine property".
  const source = templateSource.replaceAll('Object.defineProperty(', '__wccDefine(');
  const define = 'function __wccDefine(o, k, d) { if (!Object.prototype.hasOwnProperty.call(o, k)) Object.defineProperty(o, k, d); return o; }';
  // eslint-disable-next-line no-new-func -- wcc's output is a script meant for a webview's global scope
  return new Function(`var __WXML_GLOBAL__, $gwx;\n${define}\n${source}; return $gwx;`)() as (p: string) => ((data: unknown) => unknown) | undefined;
}

// ---- the app ---------------------------------------------------------------------------------------------------

export interface WeappAppOptions extends WxOptions {
  dir: string;
  templates: (p: string) => ((data: unknown) => unknown) | undefined;
}

let appSeq = 0;

export interface RenderedPage {
  route: string;
  /** The page instance (`this` of Page()), as WeChat gives it to the page's methods. */
  instance: any;
  /** All text the page shows, in document order, whitespace-collapsed. */
  text(): string;
  /** Elements of the page (searching through custom components) whose class list contains `className`. */
  findAll(className: string): any[];
  /** Text under the first element with `className`. */
  textOf(className: string): string;
  /** Text under one element returned by findAll. */
  textOfNode(node: unknown): string;
  /** Sends a tap to the first element with `className`, as WeChat does (through the template's `bindtap`). */
  tap(className: string): Promise<void>;
  unload(): Promise<void>;
}

export class WeappApp {
  readonly calls: WxCall[] = [];
  readonly problems: WeappProblem[] = [];
  readonly appJson: AppJson;
  private readonly seq = ++appSeq;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly files: Set<string>;
  private readonly definitions = new Map<string, any>();
  private readonly componentIds = new Map<string, string>();
  private loadingEntry: string | null = null;
  private appInstance: any = null;
  private pageStack: any[] = [];
  private currentRoute: string | null = null;
  private pending = 0;
  private readonly wx: any;
  private readonly logicConsole: Console;
  private readonly restore: (() => void)[] = [];
  inTap = false;

  constructor(private readonly options: WeappAppOptions) {
    installRenderLayer();
    this.appJson = readAppJson(options.dir);
    this.files = new Set(listPackageFiles(options.dir));
    const track = <T>(p: Promise<T>) => {
      this.pending++;
      return p.finally(() => {
        this.pending--;
      });
    };
    this.wx = createWx({ ...options, record: (call) => this.calls.push({ ...call, page: this.currentRoute }), problem: (message) => this.report('wx', message), track, inTap: () => this.inTap });
    const logicConsole = Object.create(console) as Console;
    logicConsole.error = (...args: unknown[]) => this.report('console.error', args.map(describe).join(' '));
    this.logicConsole = logicConsole;
    this.capture();
  }

  report(kind: WeappProblem['kind'], message: string) {
    this.problems.push({ kind, message, page: this.currentRoute });
  }

  /** Collects what the render layer prints (WXMLRT warnings, exparser's errors) and stray rejections. */
  private capture() {
    const originalWarn = console.warn;
    const originalError = console.error;
    console.warn = (...args: unknown[]) => {
      const text = args.map(describe).join(' ');
      if (text.includes('WXMLRT')) this.report('WXMLRT', text);
      else originalWarn.apply(console, args);
    };
    console.error = (...args: unknown[]) => this.report('console.error', args.map(describe).join(' '));
    const onRejection = (reason: unknown) => this.report('unhandledRejection', describe(reason));
    process.on('unhandledRejection', onRejection);
    problemSink = ({ kind, message }) => this.report(kind, message);
    this.restore.push(() => {
      console.warn = originalWarn;
      console.error = originalError;
      process.off('unhandledRejection', onRejection);
      problemSink = null;
    });
  }

  dispose() {
    for (const page of this.pageStack) {
      try {
        page.__harnessComponent?.detach?.();
      } catch {
        /* already gone */
      }
    }
    this.pageStack = [];
    this.restore.splice(0).forEach((fn) => fn());
  }

  // ---- logic layer: WeChat's require -------------------------------------------------------------------------

  /** WeChat's module rules: relative to the requiring file, `.js` optional, only files of this package. */
  require(from: string, request: string): unknown {
    const base = request.startsWith('/') ? request.slice(1) : path.posix.join(path.posix.dirname(from), request);
    let resolved = path.posix.normalize(base);
    if (!resolved.endsWith('.js')) resolved += '.js';
    if (resolved.startsWith('../') || !this.files.has(resolved)) {
      throw new Error(`module '${resolved}' is not defined, require args is '${request}'`);
    }
    const cached = this.modules.get(resolved);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(resolved, module);
    const code = fs.readFileSync(path.join(this.options.dir, resolved), 'utf8');
    const names = ['require', 'module', 'exports', 'wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'requirePlugin', '__wxConfig', 'console', 'global', ...DOM_GLOBALS];
    let fn: (...args: unknown[]) => void;
    try {
      // eslint-disable-next-line no-new-func
      fn = new Function(...names, `${code}\n//# sourceURL=weapp:///${resolved}`) as typeof fn;
    } catch (error) {
      this.modules.delete(resolved);
      throw new Error(`${resolved}: ${(error as Error).message}`);
    }
    try {
      fn(
        (r: string) => this.require(resolved, r),
        module,
        module.exports,
        this.wx,
        (def: any) => this.onApp(def),
        (def: any) => this.onDefinition('Page', def),
        (def: any) => this.onDefinition('Component', def),
        (def: any) => engine!.jComponent.behavior(def),
        () => this.appInstance,
        () => [...this.pageStack],
        () => {
          throw new Error('requirePlugin: plugins are not supported by the weapp harness');
        },
        this.wxConfig(),
        this.logicConsole,
        {},
        ...DOM_GLOBALS.map(() => undefined),
      );
    } catch (error) {
      this.modules.delete(resolved);
      throw error;
    }
    return module.exports;
  }

  private wxConfig() {
    return { ...this.appJson, pages: pagesOf(this.appJson), global: { window: this.appJson.window ?? {} }, envVersion: 'develop', platform: 'devtools' };
  }

  private onApp(def: any) {
    if (this.appInstance) throw new Error('App() called more than once');
    this.appInstance = def;
  }

  private onDefinition(kind: string, def: any) {
    if (!this.loadingEntry) throw new Error(`${kind}() called outside a page or component file`);
    if (this.definitions.has(this.loadingEntry)) throw new Error(`${kind}() called twice in ${this.loadingEntry}`);
    this.definitions.set(this.loadingEntry, def);
  }

  private loadEntry(entry: string) {
    const previous = this.loadingEntry;
    this.loadingEntry = entry;
    try {
      this.require('', `/${entry}.js`);
    } finally {
      this.loadingEntry = previous;
    }
    const def = this.definitions.get(entry);
    if (!def) throw new Error(`${entry}.js did not call Page() or Component()`);
    return def;
  }

  // ---- start-up --------------------------------------------------------------------------------------------------

  /** Loads app.js and runs App's onLaunch/onShow, as WeChat does when the mini-program starts on `route`. */
  async launch(route = this.appJson.pages[0], query: Record<string, string> = {}) {
    this.guard(() => this.require('', '/app.js'));
    // The reason (a throw inside app.js, such as a missing module) is what a person debugging needs to read.
    if (!this.appInstance) throw new Error(`app.js did not call App(): ${this.problems.map((p) => p.message.split('\n')[0]).join('; ') || 'no error was raised'}`);
    const options = { path: route, query, scene: 1001, referrerInfo: {} };
    this.guard(() => this.appInstance.onLaunch?.call(this.appInstance, options));
    this.guard(() => this.appInstance.onShow?.call(this.appInstance, options));
    await this.settle();
  }

  private guard(fn: () => unknown) {
    try {
      fn();
    } catch (error) {
      this.report('error', describe(error));
    }
  }

  // ---- components and pages ------------------------------------------------------------------------------------

  private templateOf(file: string) {
    const render = this.options.templates(`${file}.wxml`);
    if (!render) throw new Error(`${file}.wxml is not in the compiled templates`);
    return render;
  }

  private usingComponentsOf(file: string): Record<string, string> {
    const jsonPath = path.join(this.options.dir, `${file}.json`);
    const json = fs.existsSync(jsonPath) ? (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { usingComponents?: Record<string, string> }) : {};
    const out: Record<string, string> = {};
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const resolved = path.posix.normalize(target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(file), target));
      out[tag] = this.registerComponent(resolved, tag);
    }
    return out;
  }

  private registerComponent(file: string, tag: string): string {
    const known = this.componentIds.get(file);
    if (known) return known;
    const id = `weapp${this.seq}-${file}`;
    // Registered before its own usingComponents, so a component may use itself (Taro's `comp` does).
    this.componentIds.set(file, id);
    const def = this.loadEntry(file);
    const usingComponents = this.usingComponentsOf(file);
    engine!.jComponent.register({ ...def, id, path: `/${file}`, tagName: tag, template: this.templateOf(file), usingComponents });
    return id;
  }

  /** Opens a page of app.json: renders it and runs onLoad(query), onShow, onReady, then waits until it is idle. */
  async open(route: string, query: Record<string, string> = {}): Promise<RenderedPage> {
    this.currentRoute = route;
    const id = `weapp${this.seq}-page-${route}`;
    if (!this.componentIds.has(route)) {
      const def = this.loadEntry(route);
      const usingComponents = this.usingComponentsOf(route);
      const methods: Record<string, unknown> = {};
      const fields: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(def)) {
        if (key === 'data' || key === 'options' || key === 'behaviors') continue;
        if (typeof value === 'function') methods[key] = value;
        else fields[key] = value;
      }
      engine!.jComponent.register({ id, path: `/${route}`, tagName: 'page', template: this.templateOf(route), usingComponents, data: def.data ?? {}, methods, behaviors: def.behaviors ?? [] });
      this.componentIds.set(route, id);
      this.definitions.set(`${route}#fields`, fields);
    }
    const component = engine!.jComponent.create(id);
    const host = document.createElement('page');
    document.body.appendChild(host);
    component.attach(host);
    const instance = component.instance;
    Object.assign(instance, this.definitions.get(`${route}#fields`));
    instance.route = route;
    instance.__route__ = route;
    instance.options = { ...query };
    instance.__harnessComponent = component;
    this.pageStack = [instance];
    this.guard(() => instance.onLoad?.({ ...query }));
    this.guard(() => instance.onShow?.());
    this.guard(() => instance.onReady?.());
    await this.settle();
    return this.handle(route, component, instance, host);
  }

  private handle(route: string, component: any, instance: any, host: HTMLElement): RenderedPage {
    const root = () => component._exparserNode;
    const findAll = (className: string) => findElements(root(), className);
    return {
      route,
      instance,
      text: () => collapse(textUnder(root())),
      findAll,
      textOfNode: (node: unknown) => collapse(textUnder(node)),
      textOf: (className: string) => {
        const [first] = findAll(className);
        if (!first) throw new Error(`${route}: no element with class ${className}`);
        return collapse(textUnder(first));
      },
      tap: async (className: string) => {
        const [first] = findAll(className);
        if (!first) throw new Error(`${route}: no element with class ${className} to tap`);
        this.currentRoute = route;
        this.inTap = true;
        try {
          const { exparser } = engine!;
          exparser.Event.dispatchEvent(first, exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } }));
        } catch (error) {
          this.report('error', describe(error));
        } finally {
          this.inTap = false;
        }
        await this.settle();
      },
      unload: async () => {
        this.currentRoute = route;
        this.guard(() => instance.onHide?.());
        this.guard(() => instance.onUnload?.());
        await this.settle();
        component.detach();
        host.remove();
        this.pageStack = this.pageStack.filter((p) => p !== instance);
      },
    };
  }

  /** Waits until no cloud call is in flight and a few macrotasks pass without one starting (setData is batched). */
  async settle(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 3) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.pending === 0) quiet++;
      else quiet = 0;
      if (Date.now() > deadline) {
        this.report('error', `still busy after ${timeoutMs} ms (${this.pending} cloud calls in flight)`);
        return;
      }
    }
  }
}

// ---- helpers -----------------------------------------------------------------------------------------------------

function listPackageFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.js')) out.push(child);
    }
  };
  walk('');
  return out;
}

export function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The exparser children of a node, entering custom components' shadow trees (Taro nests pages in `comp`). */
function childrenOf(node: any): any[] {
  const { exparser } = engine!;
  const out: any[] = [];
  if (node instanceof exparser.Component && node.shadowRoot instanceof exparser.Element && node.shadowRoot !== node) out.push(node.shadowRoot);
  for (const child of node.childNodes ?? []) out.push(child);
  return out;
}

function textUnder(node: any): string {
  const { exparser } = engine!;
  if (node instanceof exparser.TextNode) return node.textContent;
  // Text in one element reads as one run (Taro renders each React text child in its own virtual block); elements are spaced.
  return childrenOf(node)
    .map((child) => (child instanceof exparser.TextNode || child instanceof exparser.VirtualNode ? textUnder(child) : ` ${textUnder(child)} `))
    .join('');
}

function findElements(root: any, className: string): any[] {
  const { exparser } = engine!;
  const out: any[] = [];
  const walk = (node: any) => {
    if (node instanceof exparser.TextNode) return;
    let classes: string[] = [];
    try {
      // Virtual nodes (template, block, slot) have no class list and throw on `class`.
      classes = String(node.class ?? '').split(/\s+/);
    } catch {
      classes = [];
    }
    if (classes.includes(className)) out.push(node);
    childrenOf(node).forEach(walk);
  };
  walk(root);
  return out;
}
