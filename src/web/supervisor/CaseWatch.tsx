// 办件监察 on the supervisor strip (R-15 电子监察): how many accepted cases are yellow (预警) or
// red (超期) right now, and which — number, service, first-responsible person, deadline — red
// first. Live: the strip's event connection passes case.* events on (CaseEventsContext).
import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CaseTable } from '../cases/CaseTable';
import { sortBySupervision } from '../cases/lights';
import { useCaseList } from '../cases/useCaseList';

const SHOWN = 8;

export function CaseWatch({ hallId, timezone }: { hallId: string; timezone: string }) {
  const { t } = useTranslation();
  const red = useCaseList(hallId, { light: 'red', limit: 50 });
  const yellow = useCaseList(hallId, { light: 'yellow', limit: 50 });
  const cases = useMemo(() => sortBySupervision([...(red.data?.items ?? []), ...(yellow.data?.items ?? [])]), [red.data, yellow.data]);
  const redCount = red.data?.total ?? 0;
  const yellowCount = yellow.data?.total ?? 0;
  const loading = (red.loading && !red.data) || (yellow.loading && !yellow.data);

  return (
    <div className="ck-sv-cases" data-testid="sv-cases">
      <Flex justify="space-between" align="baseline" gap={12}>
        <Typography.Title level={5}>{t('cases.watch.title')}</Typography.Title>
        <Link to="/admin/cases">{t('cases.watch.all')}</Link>
      </Flex>
      <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('cases.watch.red')} value={redCount} loading={loading} styles={{ content: { color: redCount ? '#cf1322' : undefined } }} data-testid="sv-cases-red" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('cases.watch.yellow')} value={yellowCount} loading={loading} styles={{ content: { color: yellowCount ? '#d48806' : undefined } }} data-testid="sv-cases-yellow" />
        </Col>
      </Row>
      {cases.length === 0 ? (
        !loading && <Typography.Text type="secondary">{t('cases.watch.none')}</Typography.Text>
      ) : (
        <CaseTable cases={cases.slice(0, SHOWN)} columns={['light', 'number', 'service', 'owner', 'deadline']} timezone={timezone} testId="sv-cases-list" />
      )}
      {cases.length > SHOWN && (
        <Typography.Text type="secondary">{t('cases.watch.more', { count: redCount + yellowCount - SHOWN })}</Typography.Text>
      )}
    </div>
  );
}
