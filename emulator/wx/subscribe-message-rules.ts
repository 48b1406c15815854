import { charCount } from './wechat-errors';

/**
 * WeChat's "订阅消息参数值内容限制说明": a template key is a type plus a number (thing1, character_string12, …) and
 * the type fixes what its value may hold. WeChat answers a breach with 47003 "argument invalid! data.<key>.value invalid".
 */
const HAN = /\p{Script=Han}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;
const DATE = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
/** time: 24-hour clock, optionally after a date; date: a date, optionally with a clock. Both allow a range "a~b". */
const TIME_POINT = `(?:${DATE}\\s*)?${CLOCK}`;
const DATE_POINT = `${DATE}(?:\\s*${CLOCK})?`;
const range = (point: string) => new RegExp(`^${point}(?:\\s*~\\s*${point})?$`);

const rules: Record<string, (value: string) => boolean> = {
  thing: (v) => charCount(v) <= 20,
  number: (v) => v.length <= 32 && /^-?\d+(?:\.\d+)?$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => charCount(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => range(TIME_POINT).test(v),
  date: (v) => range(DATE_POINT).test(v),
  // One currency sign (optional) + up to 10 digits, decimals allowed, optional trailing 元.
  amount: (v) => /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => v.length <= 17 && /^[0-9+\-()#* ]+$/.test(v) && /\d/.test(v),
  // First and last may be Han characters, the rest letters or digits; 8 at most.
  car_number: (v) => charCount(v) <= 8 && /^[\p{Script=Han}A-Za-z0-9][A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9]?$/u.test(v),
  // 10 characters when any Han is present, else 20 letters or symbols.
  name: (v) => (HAN.test(v) ? charCount(v) <= 10 && /^[\p{Script=Han}A-Za-z·.\s]+$/u.test(v) : charCount(v) <= 20 && !/\d/.test(v)),
  phrase: (v) => charCount(v) <= 5 && ONLY_HAN.test(v),
};

/** The type a key names (`character_string12` → `character_string`), or undefined for keys outside the table. */
export function templateKeyType(key: string): string | undefined {
  const match = /^([a-z_]+?)_?\d+$/.exec(key);
  const type = match?.[1];
  return type && type in rules ? type : undefined;
}

/**
 * Checks one data value: undefined when WeChat would accept it, else the errmsg tail WeChat uses.
 * Keys of a type outside the table (e.g. enum, or legacy names) only have to be non-empty: the emulator
 * does not know the template's enum values.
 */
export function checkTemplateValue(key: string, value: string): 'is empty' | 'invalid' | undefined {
  if (value === '') return 'is empty';
  const type = templateKeyType(key);
  if (!type) return undefined;
  return rules[type](value) ? undefined : 'invalid';
}
