// For pages about one hall: renders them with the selected hall, or an explanation when none.
import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Hall } from '../api/types';
import { PageLoading } from '../ui/PageLoading';
import { useCurrentUser } from './AuthContext';
import { useHalls } from './HallContext';
import { can } from './permissions';

export function RequireHall({ children }: { children: (hall: Hall) => ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { hall, loading } = useHalls();
  if (hall) return <>{children(hall)}</>;
  if (loading) return <PageLoading />;
  return (
    <Empty style={{ marginTop: 96 }} description={t('noHall.description')} data-testid="no-hall">
      {can(user, 'hall.create', null) && (
        <Link to="/admin/halls">
          <Button type="primary">{t('noHall.createHall')}</Button>
        </Link>
      )}
    </Empty>
  );
}
