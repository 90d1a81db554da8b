import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../errors/describeError';

/** A dialog's failed request, in the server's words, under the form; nothing while there is none. */
export function DialogError({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (error === null) return null;
  return <Alert type="error" showIcon style={{ marginTop: 12 }} title={describeError(error, t)} data-testid={testId} />;
}
