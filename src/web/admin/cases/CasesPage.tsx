// /admin/cases — the hall's cases (办件) with filters by status, supervision light and
// first-responsible person, red and yellow first; extension requests for the manager on
// top while any waits (their own list, not read from this page of cases); a case opens
// read-only in a drawer with its notices to print again.
import { Badge, Button, Card, Flex, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type CaseDto, type CaseStatus, type Light, LIGHTS } from '../../api/case-types';
import type { Hall } from '../../api/types';
import { usersApi } from '../../api/users';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { CaseEventsContext, createCaseEventHub } from '../../cases/caseEvents';
import { CaseTable } from '../../cases/CaseTable';
import { ExtensionRequests } from '../../cases/ExtensionRequests';
import { LightDot } from '../../cases/LightDot';
import { sortBySupervision } from '../../cases/lights';
import { useCaseList } from '../../cases/useCaseList';
import { useLoad } from '../../data/useLoad';
import { useHallEvents } from '../../realtime/hallEvents';
import { PageHeader } from '../../ui/PageHeader';
import { CaseDrawer } from './CaseDrawer';

const PAGE_SIZE = 20;

function HallCases({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined);
  const [light, setLight] = useState<Light | undefined>(undefined);
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<CaseDto | null>(null);
  const [pending, setPending] = useState(0);
  // Once shown, the requests stay on the page: deciding the last one leaves "nothing waiting"
  // and the 已处理 view in place instead of the block vanishing under the manager's hand.
  const [showRequests, setShowRequests] = useState(false);
  useEffect(() => {
    if (pending > 0) setShowRequests(true);
  }, [pending]);
  const manager = can(user, 'cases.approve_extension', hall.id);

  const query = useMemo(
    () => ({ status, light, ownerId, q: q.trim() || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [status, light, ownerId, q, page],
  );
  const list = useCaseList(hall.id, query);
  const users = useLoad((signal) => usersApi.list(hall.id, signal), [hall.id], can(user, 'users.read', hall.id));
  const cases = useMemo(() => sortBySupervision(list.data?.items ?? []), [list.data]);

  const owners = useMemo(() => {
    const known = new Map<string, string>();
    for (const u of users.data ?? []) if (u.role === 'staff' || u.role === 'manager') known.set(u.id, u.name);
    for (const c of list.data?.items ?? []) known.set(c.owner.id, c.owner.name);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [users.data, list.data]);

  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader title={t('cases.admin.title')} subtitle={t('cases.admin.subtitle', { hall: hall.name })} extra={<Button onClick={list.reload}>{t('common.refresh')}</Button>} />
      {manager && (
        <Card
          title={
            <Space>
              {t('cases.tabs.extensions')}
              {pending > 0 && <Badge count={pending} />}
            </Space>
          }
          style={{ marginBottom: 16, display: showRequests ? undefined : 'none' }}
          styles={{ body: { padding: 0 } }}
        >
          <ExtensionRequests hallId={hall.id} timezone={hall.timezone} onCount={setPending} />
        </Card>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Flex gap={12} wrap style={{ padding: 16 }} data-testid="case-filters">
          <Select<CaseStatus | undefined>
            allowClear
            placeholder={t('cases.admin.allStatuses')}
            value={status}
            onChange={filter(setStatus)}
            style={{ width: 160 }}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
            aria-label={t('cases.list.status')}
            data-testid="filter-status"
          />
          <Select<Light | undefined>
            allowClear
            placeholder={t('cases.admin.allLights')}
            value={light}
            onChange={filter(setLight)}
            style={{ width: 160 }}
            options={LIGHTS.map((l) => ({
              value: l,
              label: (
                <Space size={6}>
                  <LightDot light={l} />
                  {t(`cases.light.${l}`)}
                </Space>
              ),
            }))}
            aria-label={t('cases.admin.light')}
            data-testid="filter-light"
          />
          <Select<string | undefined>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('cases.admin.allOwners')}
            value={ownerId}
            onChange={filter(setOwnerId)}
            style={{ width: 180 }}
            options={owners}
            aria-label={t('cases.list.owner')}
            data-testid="filter-owner"
          />
          <Input.Search
            allowClear
            placeholder={t('cases.find.placeholder')}
            onSearch={filter(setQ)}
            style={{ width: 300 }}
            data-testid="filter-q"
          />
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('common.total', { count: list.data?.total ?? 0 })}
          </Typography.Text>
        </Flex>
        <CaseTable
          cases={cases}
          columns={['light', 'number', 'service', 'applicant', 'status', 'missing', 'deadline', 'owner', 'updated']}
          loading={list.loading}
          timezone={hall.timezone}
          onOpen={setOpened}
          testId="admin-cases"
          emptyText={t('cases.admin.none')}
          pageSize={PAGE_SIZE}
          total={list.data?.total}
          page={page}
          onPage={setPage}
        />
      </Card>
      {opened && <CaseDrawer caseId={opened.id} hall={hall} onClose={() => setOpened(null)} />}
    </>
  );
}

function LiveHallCases({ hall }: { hall: Hall }) {
  const hub = useMemo(createCaseEventHub, []);
  useHallEvents(hall.id, null, { onEvent: hub.publish });
  return (
    <CaseEventsContext.Provider value={hub}>
      <HallCases hall={hall} />
    </CaseEventsContext.Provider>
  );
}

export default function CasesPage() {
  return <RequireHall>{(hall) => <LiveHallCases key={hall.id} hall={hall} />}</RequireHall>;
}
