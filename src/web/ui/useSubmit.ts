import { useState } from 'react';

/** Runs a dialog's request; the dialog stays open with the server's words on failure (see DialogError). */
export function useSubmit<T>(request: () => Promise<T>, onDone: (result: T) => void | Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDone(await request());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
