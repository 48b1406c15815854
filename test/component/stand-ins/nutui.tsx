/**
 * DOM stand-ins for the NutUI components our screens use, in jest (jsdom). NutUI's Taro build needs Taro's runtime;
 * these keep what a person notices — the label, whether a button can be pressed, what a field holds, what a popup
 * shows — and the same callbacks (`onChange(value)`, `onClick`), so the screens under test run unchanged.
 */
import { createElement, type ReactNode } from 'react';

interface Common {
  className?: string;
  children?: ReactNode;
}

export function Button({ className, children, disabled, loading, onClick }: Common & { disabled?: boolean; loading?: boolean; onClick?: () => void }) {
  return createElement('button', { className, disabled: Boolean(disabled || loading), 'aria-busy': loading ? 'true' : undefined, onClick }, children);
}

export function Input({ className, value, placeholder, disabled, onChange }: Common & { value?: string; placeholder?: string; disabled?: boolean; onChange?: (v: string) => void }) {
  return createElement('div', { className }, createElement('input', { value: value ?? '', placeholder, disabled, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) }));
}

export function TextArea({ className, value, placeholder, disabled, onChange }: Common & { value?: string; placeholder?: string; disabled?: boolean; onChange?: (v: string) => void }) {
  return createElement('div', { className }, createElement('textarea', { value: value ?? '', placeholder, disabled, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) }));
}

export function Switch({ className, checked, onChange }: Common & { checked?: boolean; onChange?: (v: boolean) => void }) {
  return createElement('input', { type: 'checkbox', role: 'switch', className, checked: Boolean(checked), onChange: (e: { target: { checked: boolean } }) => onChange?.(e.target.checked) });
}

export function Checkbox({ className, checked, label, children, onChange }: Common & { checked?: boolean; label?: ReactNode; onChange?: (v: boolean) => void }) {
  return createElement(
    'label',
    { className },
    createElement('input', { type: 'checkbox', checked: Boolean(checked), onChange: (e: { target: { checked: boolean } }) => onChange?.(e.target.checked) }),
    label ?? children,
  );
}

export function Popup({ className, visible, title, children }: Common & { visible?: boolean; title?: ReactNode }) {
  if (!visible) return null;
  return createElement('div', { className, role: 'dialog', 'aria-label': typeof title === 'string' ? title : undefined }, title, children);
}

export function Cell({ className, title, description, extra, children, onClick }: Common & { title?: ReactNode; description?: ReactNode; extra?: ReactNode; onClick?: () => void }) {
  return createElement('div', { className, onClick }, title, description, extra, children);
}

export function CellGroup({ className, title, children }: Common & { title?: ReactNode }) {
  return createElement('div', { className }, title, children);
}

export function Empty({ className, description, children }: Common & { description?: ReactNode }) {
  return createElement('div', { className }, description, children);
}

export function Loading({ className, children }: Common) {
  return createElement('div', { className, role: 'status' }, children ?? '加载中');
}
