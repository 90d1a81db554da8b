// Shows a failed form submission: server validation issues go onto the matching form fields,
// as do errors whose code names one field (e.g. username_taken); everything else, and issues
// for fields the form does not have, into a message.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from './describeError';
import { pathToNamePath, validationIssues } from './validationIssues';

export type FieldPath = Array<string | number>;
/** Maps a server path ('materials.0.name') to a form field, or null when the form has none. */
export type PathMapper = (path: string) => FieldPath | null;

export interface FormErrorOptions {
  mapPath?: PathMapper;
  /** Error codes that concern one field, e.g. { username_taken: ['username'] }. */
  codeFields?: Record<string, FieldPath>;
}

const key = (path: FieldPath): string => JSON.stringify(path);

export function useFormErrorHandler(): (form: FormInstance, error: unknown, options?: FormErrorOptions) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (form: FormInstance, error: unknown, { mapPath = pathToNamePath, codeFields = {} }: FormErrorOptions = {}) => {
      const field = isApiError(error) ? codeFields[error.code] : undefined;
      if (field) {
        const text = describeError(error, t);
        form.setFields([{ name: field, errors: [text] }]);
        form.scrollToField(field);
        void message.error(text);
        return;
      }
      const issues = validationIssues(error);
      if (!issues) {
        void message.error(describeError(error, t));
        return;
      }
      const registered = new Set(form.getFieldsError().map((f) => key(f.name as FieldPath)));
      const byField = new Map<string, { name: FieldPath; errors: string[] }>();
      const unmatched: string[] = [];
      for (const issue of issues) {
        const name = mapPath(issue.path);
        if (name && registered.has(key(name))) {
          const entry = byField.get(key(name)) ?? { name, errors: [] };
          entry.errors.push(issue.message);
          byField.set(key(name), entry);
        } else {
          unmatched.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
        }
      }
      form.setFields([...byField.values()]);
      const first = byField.values().next().value;
      if (first) form.scrollToField(first.name);
      void message.error(unmatched.length ? t('validation.serverIssues', { list: unmatched.join('；') }) : t('validation.checkForm'));
    },
    [message, t],
  );
}
