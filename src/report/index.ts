/** Output formats by name. Every formatter is a pure function of the masked LintResult. */
import type { Formatter } from './types';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';
import { checkstyle } from './checkstyle';
import { codeclimate } from './codeclimate';

export type { Formatter, ReportContext } from './types';

export const formatters = { stylish, json, sarif, github, checkstyle, codeclimate } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(formatters, name);
}

/** The formatter for `name`, or null when there is none (callers list FORMAT_NAMES in the error). */
export function getFormatter(name: string): Formatter | null {
  return isFormatName(name) ? formatters[name] : null;
}
