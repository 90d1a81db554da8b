import { Button, Card, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/audit';
import type { ActorType, AuditEntry, Hall } from '../../api/types';
import { useCurrentUser } from '../../app/AuthContext';
import { isAdmin } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useReportError } from '../../errors/useReportError';
import { DATE_TIME_SECONDS, formatInZone } from '../../time/zone';
import { PageHeader } from '../../ui/PageHeader';
import { describeChange, targetLabel } from './summarize';
import { useVerifyChain, VerifyButton, VerifyResult } from './VerifyChain';

const ACTOR_COLORS: Record<ActorType, string> = { user: 'blue', device: 'cyan', system: 'default' };

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre className="ck-json">{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** 'global': the entries tied to no hall (creating halls, admin accounts); admins only. */
type Scope = 'hall' | 'global';

function HallAudit({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const admin = isAdmin(useCurrentUser());
  const [scope, setScope] = useState<Scope>('hall');
  const hallId = scope === 'hall' ? hall.id : null;
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const verify = useVerifyChain(hallId);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (from: string | null) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setLoading(true);
      try {
        const page = await auditApi.list(hallId, from, c.signal);
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setDone(page.nextCursor === null);
      } catch (error) {
        reportError(error);
      } finally {
        if (!c.signal.aborted) setLoading(false);
      }
    },
    [hallId, reportError],
  );

  useEffect(() => {
    void load(null);
    return () => controller.current?.abort();
  }, [load]);

  const summary = (entry: AuditEntry): string => {
    const change = describeChange(entry.action, entry.before, entry.after);
    if (change.kind === 'created') return t('audit.created');
    if (change.kind === 'removed') return t('audit.removed');
    if (change.kind === 'changed') return t('audit.changed', { fields: change.fields.join(', ') });
    if (change.kind === 'details') return change.text;
    return '—';
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={`${scope === 'hall' ? hall.name : t('audit.scopeGlobal')} · ${hall.timezone}`}
        extra={
          <>
            {admin && (
              <Segmented<Scope>
                data-testid="audit-scope"
                value={scope}
                onChange={(next) => {
                  verify.clear();
                  setScope(next);
                }}
                options={[
                  { value: 'hall', label: t('audit.scopeHall') },
                  { value: 'global', label: t('audit.scopeGlobal') },
                ]}
              />
            )}
            <Button onClick={() => void load(null)} disabled={loading}>
              {t('common.refresh')}
            </Button>
            <VerifyButton busy={verify.busy} onClick={() => void verify.verify()} />
          </>
        }
      />
      {verify.result && <VerifyResult result={verify.result} onClose={verify.clear} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={loading && items.length === 0}
          dataSource={items}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowRender: (entry) => (
              <Flex gap={16}>
                <Snapshot label={t('audit.before')} value={entry.before} />
                <Snapshot label={t('audit.after')} value={entry.after} />
              </Flex>
            ),
            rowExpandable: (entry) => entry.before != null || entry.after != null,
          }}
          columns={[
            {
              title: t('audit.time'),
              dataIndex: 'at',
              width: 180,
              render: (at: string) => <span className="ck-nowrap">{formatInZone(at, hall.timezone, DATE_TIME_SECONDS)}</span>,
            },
            {
              title: t('audit.actor'),
              dataIndex: 'actor',
              width: 200,
              render: (actor: AuditEntry['actor']) => (
                <Flex gap={6} align="center">
                  <Tag color={ACTOR_COLORS[actor.type]} style={{ marginInlineEnd: 0 }}>
                    {t(`audit.actorTypes.${actor.type}`)}
                  </Tag>
                  <span>{actor.name ?? actor.id ?? ''}</span>
                </Flex>
              ),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 180,
              render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
            },
            {
              title: t('audit.target'),
              key: 'target',
              width: 220,
              render: (_, entry) => {
                const label = targetLabel(entry.before, entry.after);
                return (
                  <span>
                    {entry.targetType && <Typography.Text type="secondary">{entry.targetType} </Typography.Text>}
                    {label ?? <Typography.Text type="secondary" ellipsis style={{ maxWidth: 120 }}>{entry.targetId}</Typography.Text>}
                  </span>
                );
              },
            },
            {
              title: t('audit.summary'),
              key: 'summary',
              render: (_, entry) => <span className="ck-audit-summary">{summary(entry)}</span>,
            },
          ]}
        />
        <Flex justify="center" align="center" gap={12} style={{ padding: 16 }}>
          <Typography.Text type="secondary">{t('audit.loaded', { count: items.length })}</Typography.Text>
          {done ? (
            <Typography.Text type="secondary">· {t('audit.noMore')}</Typography.Text>
          ) : (
            <Button onClick={() => void load(cursor)} loading={loading && items.length > 0} data-testid="audit-load-more">
              {t('audit.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}

export default function AuditPage() {
  return <RequireHall>{(hall) => <HallAudit key={hall.id} hall={hall} />}</RequireHall>;
}
