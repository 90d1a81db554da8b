// /guide: pick a hall; with only one hall, go straight to its guide.
import { EnvironmentOutlined, PhoneOutlined, RightOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { GuideFrame, GuideState } from './GuideFrame';
import { guideApi } from './guideApi';
import { useGuideLoad } from './useGuideLoad';

export default function GuideHallsPage() {
  const { t } = useTranslation();
  const { data, failed, retry } = useGuideLoad((signal) => guideApi.halls(signal), []);
  useEffect(() => {
    document.title = t('guide.title');
  }, [t]);

  if (data?.length === 1) return <Navigate to={`/guide/${data[0]!.id}`} replace />;
  return (
    <GuideFrame>
      <h1 className="ck-guide-h1">{t('guide.halls.title')}</h1>
      {!data ? (
        <GuideState kind={failed ? 'failed' : 'loading'} onRetry={retry} />
      ) : data.length === 0 ? (
        <GuideState kind="notFound">{t('guide.halls.empty')}</GuideState>
      ) : (
        <ul className="ck-guide-list">
          {data.map((h) => (
            <li key={h.id}>
              <Link to={`/guide/${h.id}`} className="ck-guide-card">
                <span className="ck-guide-card-body">
                  <strong className="ck-guide-card-title">{h.name}</strong>
                  {h.address && (
                    <span className="ck-guide-card-line">
                      <EnvironmentOutlined /> {h.address}
                    </span>
                  )}
                  {h.phone && (
                    <span className="ck-guide-card-line">
                      <PhoneOutlined /> {h.phone}
                    </span>
                  )}
                </span>
                <RightOutlined className="ck-guide-card-go" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </GuideFrame>
  );
}
