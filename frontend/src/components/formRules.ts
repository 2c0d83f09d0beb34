import type { FormRule } from 'antd';

/** A Form rule: the value may not equal another field's (two schools of a pair, say); empty passes. */
export function differentFrom(field: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_r, v: unknown) =>
      v === undefined || v !== getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message)),
  });
}
