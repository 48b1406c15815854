/**
 * DOM stand-ins for @tarojs/components in jest (jsdom). Taro's own components are web components compiled for its
 * runtime; what a component test checks is our screens' behaviour, so each Taro element becomes the plain element
 * a person would meet on H5: View → div, Text → span, Button → button, Input → input.
 */
import { createElement, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

/** The props a DOM element understands; Taro-only props (scrollY, hoverClass…) are dropped. */
function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (['className', 'id', 'style', 'role', 'children', 'placeholder', 'disabled', 'value', 'type'].includes(key) || /^(data|aria)-/.test(key)) out[key] = value;
  }
  const onClick = props.onClick ?? props.onTap;
  if (typeof onClick === 'function') out.onClick = onClick;
  return out;
}

const element = (tag: string) =>
  function TaroElement(props: Props) {
    return createElement(tag, domProps(props));
  };

export const View = element('div');
export const Text = element('span');
export const ScrollView = element('div');
export const Swiper = element('div');
export const SwiperItem = element('div');
export const Form = element('form');
export const Label = element('label');
export const Navigator = element('a');
/** Like Taro's H5 Image, which spreads `nativeProps` (the alt text) onto its <img>. */
export const Image = ({ src, className, nativeProps, onClick }: { src?: string; className?: string; nativeProps?: { alt?: string }; onClick?: () => void }) =>
  createElement('img', { src, className, alt: nativeProps?.alt ?? '', onClick });
export const Button = element('button');
export const Canvas = element('canvas');

export function Input(props: Props & { onInput?: (e: { detail: { value: string } }) => void }) {
  return createElement('input', { ...domProps(props), onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }) });
}

export function Textarea(props: Props & { onInput?: (e: { detail: { value: string } }) => void }) {
  return createElement('textarea', { ...domProps(props), onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }) });
}

/** A date Picker as a wrapper around what it shows; a test picks a value by firing `change` on its hidden input. */
export function Picker(props: Props & { onChange?: (e: { detail: { value: string } }) => void }) {
  return createElement(
    'div',
    { className: 'picker-stand-in' },
    props.children,
    createElement('input', { type: 'hidden', value: props.value, onChange: (e: { target: { value: string } }) => props.onChange?.({ detail: { value: e.target.value } }) }),
  );
}
