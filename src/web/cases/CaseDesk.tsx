// The console's case panel (办件), below the queue desk: take in a case for the current ticket
// (F6), find a returning applicant's case — by number, name or phone, or among the 待补正 cases —
// and continue it (F7), the staff member's own cases with their supervision light (R-15, R-17
// 首问负责), and, for a manager, the extension requests waiting for a decision.
import { FileAddOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Input, type InputRef, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, CaseList } from '../api/case-types';
import { servicesApi } from '../api/services';
import type { Service } from '../api/types';
import { useCurrentUser } from '../app/AuthContext';
import { can } from '../app/permissions';
import { type Loaded, useLoad } from '../data/useLoad';
import { CaseEditor, type EditorHall, type EditorTarget } from './CaseEditor';
import { CaseTable } from './CaseTable';
import { ExtensionRequests } from './ExtensionRequests';
import { isUnfinished, lightCounts, sortBySupervision } from './lights';
import { dialogOpen } from './modalOpen';
import { useCaseList } from './useCaseList';
import './cases.css';

type Tab = 'current' | 'find' | 'mine' | 'extensions';

export interface DeskTicket {
  id: string;
  number: string;
  serviceId: string;
  status: string;
}

/** Keys this panel answers to anywhere on the console (the desk's own are F1–F5, F8–F10). */
export const CASE_KEYS = { open: 'F6', find: 'F7' } as const;

let editorSerial = 0;

function StartCase({
  services,
  windowServiceIds,
  ticket,
  hallId,
  timezone,
  onStart,
  onOpen,
}: {
  services: readonly Service[];
  windowServiceIds: readonly string[];
  ticket: DeskTicket | null;
  hallId: string;
  timezone: string;
  onStart: (serviceId: string) => void;
  onOpen: (c: CaseDto) => void;
}) {
  const { t } = useTranslation();
  const ordered = useMemo(
    () => [...services].sort((a, b) => Number(!windowServiceIds.includes(a.id)) - Number(!windowServiceIds.includes(b.id))),
    [services, windowServiceIds],
  );
  const [serviceId, setServiceId] = useState<string | undefined>(ticket?.serviceId ?? windowServiceIds[0]);
  useEffect(() => {
    if (ticket) setServiceId(ticket.serviceId);
  }, [ticket?.id, ticket?.serviceId]);
  const linked = useCaseList(hallId, { ticketId: ticket?.id, limit: 10 }, ticket !== null);
  const linkedCases = ticket ? (linked.data?.items ?? []) : [];
  const service = services.find((s) => s.id === serviceId);

  return (
    <Flex vertical gap={16} className="ck-case-start" data-testid="case-start">
      <Flex align="center" gap={12} wrap>
        <Typography.Text style={{ fontSize: 16 }}>
          {ticket ? t('cases.start.forTicket', { number: ticket.number }) : t('cases.start.noTicket')}
        </Typography.Text>
        <Select
          value={serviceId}
          onChange={setServiceId}
          style={{ minWidth: 260 }}
          placeholder={t('cases.start.chooseService')}
          options={ordered.map((s) => ({ value: s.id, label: `${s.ticketPrefix} · ${s.name}` }))}
          aria-label={t('cases.start.service')}
          data-testid="case-start-service"
        />
        <Button type="primary" size="large" icon={<FileAddOutlined />} disabled={!serviceId} onClick={() => serviceId && onStart(serviceId)} data-testid="case-start-button">
          {t('cases.start.button')}
          <kbd className="ck-kbd">{CASE_KEYS.open}</kbd>
        </Button>
        {service && (
          <Typography.Text type="secondary">
            {service.kind === 'promised' && service.promisedDays
              ? t('cases.kindOfService.promised', { count: service.promisedDays })
              : t('cases.kindOfService.immediate')}
            {' · '}
            {t('cases.start.materials', { count: service.materials.length })}
          </Typography.Text>
        )}
      </Flex>
      {linkedCases.length > 0 && (
        <div>
          <Typography.Text strong>{t('cases.start.linked')}</Typography.Text>
          <CaseTable cases={linkedCases} columns={['light', 'number', 'service', 'applicant', 'status', 'missing', 'deadline']} timezone={timezone} onOpen={onOpen} testId="case-linked" />
        </div>
      )}
      <Typography.Text type="secondary">{t('cases.start.returningHint', { key: CASE_KEYS.find })}</Typography.Text>
    </Flex>
  );
}

function FindCases({
  hallId,
  timezone,
  query,
  setQuery,
  inputRef,
  onOpen,
}: {
  hallId: string;
  timezone: string;
  query: string;
  setQuery: (q: string) => void;
  inputRef: RefObject<InputRef | null>;
  onOpen: (c: CaseDto) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(query);
  useEffect(() => setTyped(query), [query]);
  const q = query.trim();
  const list = useCaseList(hallId, q ? { q, limit: 30 } : { status: 'awaiting_supplement', limit: 50 });
  const cases = useMemo(() => sortBySupervision(list.data?.items ?? []), [list.data]);
  return (
    <Flex vertical gap={12}>
      <Input.Search
        ref={inputRef}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          if (!e.target.value) setQuery('');
        }}
        onSearch={(value) => setQuery(value)}
        allowClear
        enterButton={t('cases.find.search')}
        placeholder={t('cases.find.placeholder')}
        style={{ maxWidth: 560 }}
        data-testid="case-search"
      />
      <Typography.Text type="secondary">
        {q ? t('cases.find.results', { count: list.data?.total ?? cases.length, q }) : t('cases.find.supplementTitle', { count: list.data?.total ?? cases.length })}
      </Typography.Text>
      <CaseTable
        cases={cases}
        columns={['light', 'number', 'service', 'applicant', 'status', 'missing', 'deadline', 'owner', 'updated']}
        loading={list.loading && !list.data}
        timezone={timezone}
        onOpen={onOpen}
        testId="case-find-results"
        emptyText={q ? t('cases.find.none') : t('cases.find.noSupplement')}
      />
    </Flex>
  );
}

function MyCases({ list, timezone, onOpen }: { list: Loaded<CaseList>; timezone: string; onOpen: (c: CaseDto) => void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const cases = useMemo(() => {
    const all = list.data?.items ?? [];
    return sortBySupervision(scope === 'open' ? all.filter((c) => isUnfinished(c.status)) : all);
  }, [list.data, scope]);
  return (
    <Flex vertical gap={12}>
      <Segmented<'open' | 'all'>
        value={scope}
        onChange={setScope}
        options={[
          { value: 'open', label: t('cases.mine.open') },
          { value: 'all', label: t('cases.mine.all') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <CaseTable
        cases={cases}
        columns={['light', 'number', 'service', 'applicant', 'status', 'missing', 'deadline', 'updated']}
        loading={list.loading && !list.data}
        timezone={timezone}
        onOpen={onOpen}
        testId="my-cases"
        emptyText={t('cases.mine.none')}
        pageSize={20}
      />
    </Flex>
  );
}

/** The count on the 我的办件 tab: yellow and red among my unfinished cases, red first. */
function MineLabel({ list }: { list: Loaded<CaseList> }) {
  const { t } = useTranslation();
  const unfinished = (list.data?.items ?? []).filter((c) => isUnfinished(c.status));
  const counts = lightCounts(unfinished);
  const open = unfinished.length;
  return (
    <Space size={6}>
      {t('cases.tabs.mine')}
      {open > 0 && <Typography.Text type="secondary">{open}</Typography.Text>}
      {counts.red > 0 && <Badge count={counts.red} color="#cf1322" title={t('cases.light.red')} />}
      {counts.yellow > 0 && <Badge count={counts.yellow} color="#d48806" title={t('cases.light.yellow')} />}
    </Space>
  );
}

export function CaseDesk({
  hall,
  window,
  ticket,
}: {
  hall: EditorHall;
  window: { id: string; number: number; serviceIds: readonly string[] };
  ticket: DeskTicket | null;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const services = useLoad((signal) => servicesApi.list(hall.id, signal), [hall.id]);
  // 我的办件 (R-17 首问负责): the tab's count and its list share one request.
  const mine = useCaseList(hall.id, useMemo(() => ({ ownerId: user.id, limit: 200 }), [user.id]));
  const [tab, setTab] = useState<Tab>('current');
  const [active, setActive] = useState<{ key: number; target: EditorTarget; number: string | null } | null>(null);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState(0);
  const searchRef = useRef<InputRef | null>(null);
  const panelRef = useRef<HTMLDivElement | null>(null);
  const manager = can(user, 'cases.approve_extension', hall.id);
  const operate = can(user, 'cases.operate', hall.id);

  const focusPanel = () => panelRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  const startNew = useCallback(
    (serviceId: string) => {
      editorSerial += 1;
      setActive({ key: editorSerial, target: { mode: 'new', serviceId, ticket: ticket ? { id: ticket.id, number: ticket.number } : null }, number: null });
      setTab('current');
      requestAnimationFrame(focusPanel);
    },
    [ticket],
  );

  const openCase = useCallback((c: CaseDto) => {
    editorSerial += 1;
    setActive({ key: editorSerial, target: { mode: 'case', caseId: c.id }, number: c.number });
    setTab('current');
    requestAnimationFrame(focusPanel);
  }, []);

  // F6 受理办件 (for the current ticket's service), F7 查找办件 — from anywhere but a dialog.
  const stateRef = useRef({ active, ticket, startNew, operate });
  stateRef.current = { active, ticket, startNew, operate };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key !== CASE_KEYS.open && event.key !== CASE_KEYS.find) return;
      event.preventDefault();
      if (dialogOpen()) return;
      if (event.key === CASE_KEYS.find) {
        setTab('find');
        requestAnimationFrame(() => {
          focusPanel();
          searchRef.current?.focus({ cursor: 'all' });
        });
        return;
      }
      const s = stateRef.current;
      setTab('current');
      if (!s.active && s.ticket && s.operate) s.startNew(s.ticket.serviceId);
      else requestAnimationFrame(focusPanel);
    };
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, []);

  const serviceList = services.data ?? [];

  const currentLabel = active ? (active.number ? t('cases.tabs.currentNumber', { number: active.number }) : t('cases.tabs.currentNew')) : t('cases.tabs.current');

  return (
    <div ref={panelRef} className="ck-case" data-testid="case-panel">
      <Card className="ck-case-card" styles={{ body: { padding: '4px 20px 20px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          size="large"
          tabBarExtraContent={
            <Typography.Text type="secondary" className="ck-case-keys">
              {t('cases.panel.keys')}
            </Typography.Text>
          }
          items={[
            {
              key: 'current',
              label: (
                <span data-testid="case-tab-current">
                  <FileAddOutlined /> {currentLabel}
                </span>
              ),
              children: active ? (
                <CaseEditor
                  key={active.key}
                  hall={hall}
                  windowInfo={{ id: window.id, number: window.number }}
                  services={serviceList}
                  target={active.target}
                  onSaved={(c) => setActive((a) => (a && a.key === active.key ? { ...a, number: c.number } : a))}
                  onClose={() => setActive(null)}
                />
              ) : services.data ? (
                operate ? (
                  <StartCase
                    services={serviceList}
                    windowServiceIds={window.serviceIds}
                    ticket={ticket}
                    hallId={hall.id}
                    timezone={hall.timezone}
                    onStart={startNew}
                    onOpen={openCase}
                  />
                ) : (
                  <Empty description={t('cases.start.readOnly')} />
                )
              ) : (
                <Empty description={services.loading ? t('common.loading') : t('cases.start.servicesFailed')} />
              ),
            },
            {
              key: 'find',
              label: (
                <span data-testid="case-tab-find">
                  <SearchOutlined /> {t('cases.tabs.find')}
                </span>
              ),
              children: <FindCases hallId={hall.id} timezone={hall.timezone} query={query} setQuery={setQuery} inputRef={searchRef} onOpen={openCase} />,
            },
            {
              key: 'mine',
              label: (
                <span data-testid="case-tab-mine">
                  <MineLabel list={mine} />
                </span>
              ),
              children: <MyCases list={mine} timezone={hall.timezone} onOpen={openCase} />,
            },
            ...(manager
              ? [
                  {
                    key: 'extensions' as const,
                    label: (
                      <span data-testid="case-tab-extensions">
                        {t('cases.tabs.extensions')} {pending > 0 && <Badge count={pending} />}
                      </span>
                    ),
                    forceRender: true,
                    children: <ExtensionRequests hallId={hall.id} timezone={hall.timezone} onCount={setPending} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
