import type { FormInstance } from 'antd';

/** The form's values when every rule passes; null when not (the fields then show their errors). */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
