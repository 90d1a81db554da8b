// /admin: a short overview of the selected hall, from the real API lists.
import { ClockCircleOutlined, DesktopOutlined, ShopOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/calendar';
import { devicesApi } from '../../api/devices';
import { servicesApi } from '../../api/services';
import type { Hall, User } from '../../api/types';
import { usersApi } from '../../api/users';
import { windowsApi } from '../../api/windows';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import { isoWeekday, nowInZone, utcOffsetLabel } from '../../time/zone';
import { SupervisorStrip } from '../../supervisor/SupervisorStrip';
import { PageHeader } from '../../ui/PageHeader';
import { formatRange, scheduleFor } from '../halls/hours';
import { WeekHours } from '../halls/WeekHours';

const orNull = <T,>(promise: Promise<T>): Promise<T | null> => promise.catch(() => null);

/** Each count is null when this user may not read that list. */
async function loadCounts(user: User, hallId: string, year: number, signal: AbortSignal) {
  const [services, windows, users, devices, calendar] = await Promise.all([
    orNull(servicesApi.list(hallId, signal)),
    orNull(windowsApi.list(hallId, signal)),
    can(user, 'users.read', hallId) ? orNull(usersApi.list(hallId, signal)) : null,
    can(user, 'devices.read', hallId) ? orNull(devicesApi.list(hallId, signal)) : null,
    orNull(calendarApi.get(hallId, year, signal)),
  ]);
  return {
    services: services?.length ?? null,
    windows: windows?.length ?? null,
    users: users ? users.filter((u) => u.active).length : null,
    devices: devices ? devices.filter((d) => !d.revokedAt).length : null,
    calendar,
  };
}

function Count({ title, value, icon, testId }: { title: string; value: number | null | undefined; icon: ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <Statistic title={title} value={value ?? '–'} prefix={<span className="ck-stat-icon">{icon}</span>} loading={value === undefined} />
    </Card>
  );
}

function HallOverview({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const now = nowInZone(hall.timezone);
  const today = now.format('YYYY-MM-DD');
  const { data } = useLoad((signal) => loadCounts(user, hall.id, now.year(), signal), [user.id, hall.id, now.year()]);
  const schedule = scheduleFor(hall, today, isoWeekday(now), data?.calendar ?? null);

  const kindTag =
    schedule.kind === 'holiday' ? (
      <Tag color="red">{t('overview.holiday')}</Tag>
    ) : schedule.kind === 'makeupWorkday' ? (
      <Tag color="blue">{t('overview.makeupWorkday')}</Tag>
    ) : schedule.kind === 'exception' ? (
      <Tag color="orange">{t('overview.exception')}</Tag>
    ) : null;

  return (
    <>
      <PageHeader title={hall.name} subtitle={t('overview.title')} />
      <SupervisorStrip hall={hall} />
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Count testId="count-services" title={t('overview.services')} value={data?.services} icon={<SolutionOutlined />} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Count testId="count-windows" title={t('overview.windows')} value={data?.windows} icon={<ShopOutlined />} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Count testId="count-users" title={t('overview.users')} value={data?.users} icon={<TeamOutlined />} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Count testId="count-devices" title={t('overview.devices')} value={data?.devices} icon={<DesktopOutlined />} />
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={
              <Space>
                <ClockCircleOutlined />
                {t('overview.todayHours')}
              </Space>
            }
            style={{ height: '100%' }}
            data-testid="today-hours"
          >
            <Typography.Text type="secondary">
              {t('overview.today')} · {now.format('YYYY-MM-DD dddd')}
            </Typography.Text>
            <div style={{ margin: '12px 0', fontSize: 24, fontWeight: 600 }}>
              {schedule.intervals.length ? schedule.intervals.map(formatRange).join(', ') : t('overview.closedToday')}
            </div>
            <Space wrap>
              {kindTag}
              {schedule.note && <Typography.Text type="secondary">{schedule.note}</Typography.Text>}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'tz', label: t('overview.timezone'), children: `${hall.timezone} · ${utcOffsetLabel(hall.timezone)}` },
                { key: 'address', label: t('overview.address'), children: hall.address || t('common.notSet') },
                { key: 'phone', label: t('overview.phone'), children: hall.phone || t('common.notSet') },
                { key: 'hours', label: t('overview.weeklyHours'), children: <WeekHours openingHours={hall.openingHours} block /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function OverviewPage() {
  return <RequireHall>{(hall) => <HallOverview key={hall.id} hall={hall} />}</RequireHall>;
}
