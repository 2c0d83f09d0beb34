// Form rules mirroring the API's points (two decimals at most).
import type { FormRule } from 'antd';
import { hasAtMostTwoDecimals } from './points';

/** Blank passes (required is its own rule); more than two decimals is refused with `message`. */
export function twoDecimals(message: string): FormRule {
  return {
    validator: (_r, v: number | null | undefined) =>
      v === null || v === undefined || hasAtMostTwoDecimals(v) ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}
