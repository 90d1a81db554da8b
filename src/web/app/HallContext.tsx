// The halls this user may manage and the one currently selected in the header.
// Admins see every hall; everyone else only their own. The choice is kept in localStorage.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { hallsApi } from '../api/halls';
import type { Hall } from '../api/types';
import { useLoad } from '../data/useLoad';
import { useCurrentUser } from './AuthContext';

const STORAGE_KEY = 'chuangkou.hallId';

export interface HallState {
  halls: Hall[];
  loading: boolean;
  /** The selected hall, or null when there is none to manage. */
  hall: Hall | null;
  selectHall: (hallId: string) => void;
  reloadHalls: () => void;
  /** Put a changed hall into the list without a round trip. */
  replaceHall: (hall: Hall) => void;
}

const HallContext = createContext<HallState | null>(null);

function storedHallId(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function HallProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const loaded = useLoad((signal) => hallsApi.list(signal), [user.id]);
  const [selectedId, setSelectedId] = useState<string | null>(storedHallId);

  const halls = useMemo(
    () => (loaded.data ?? []).filter((h) => user.role === 'admin' || h.id === user.hallId),
    [loaded.data, user.role, user.hallId],
  );
  const hall = halls.find((h) => h.id === selectedId) ?? halls.find((h) => h.id === user.hallId) ?? halls[0] ?? null;

  const selectHall = useCallback((hallId: string) => {
    setSelectedId(hallId);
    try {
      window.localStorage.setItem(STORAGE_KEY, hallId);
    } catch {
      // Selection then lasts for this page only.
    }
  }, []);

  const { reload, setData } = loaded;
  const replaceHall = useCallback(
    (changed: Hall) =>
      setData((list) => {
        const current = list ?? [];
        return current.some((h) => h.id === changed.id)
          ? current.map((h) => (h.id === changed.id ? changed : h))
          : [...current, changed];
      }),
    [setData],
  );

  const value = useMemo<HallState>(
    () => ({ halls, loading: loaded.loading, hall, selectHall, reloadHalls: reload, replaceHall }),
    [halls, loaded.loading, hall, selectHall, reload, replaceHall],
  );
  return <HallContext.Provider value={value}>{children}</HallContext.Provider>;
}

export function useHalls(): HallState {
  const state = useContext(HallContext);
  if (!state) throw new Error('useHalls must be used inside <HallProvider>');
  return state;
}
