// /guide/:hallId/:serviceId: one service's guide on its own page, to read, share and print (A4).
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { GuideFrame, GuideState } from './GuideFrame';
import { GuideItemView } from './GuideItemView';
import { guideApi } from './guideApi';
import { useGuideLoad } from './useGuideLoad';

export default function GuideItemPage() {
  const { t } = useTranslation();
  const { hallId = '', serviceId = '' } = useParams();
  const [params] = useSearchParams();
  const { data, notFound, failed, retry } = useGuideLoad((signal) => guideApi.item(hallId, serviceId, signal), [hallId, serviceId]);
  const q = params.get('q');
  const back = `/guide/${hallId}${q ? `?q=${encodeURIComponent(q)}` : ''}`;

  useEffect(() => {
    document.title = data ? `${data.name} · ${t('guide.title')}` : t('guide.title');
  }, [t, data]);

  return (
    <GuideFrame hallName={data?.hall.name} hallLink={`/guide/${hallId}`}>
      <nav className="ck-guide-actions ck-guide-noprint">
        <Link to={back} className="ck-guide-button is-plain">
          <ArrowLeftOutlined aria-hidden /> {t('guide.item.back')}
        </Link>
        {data && (
          <button type="button" className="ck-guide-button" onClick={() => window.print()}>
            <PrinterOutlined aria-hidden /> {t('guide.item.print')}
          </button>
        )}
      </nav>
      {data ? (
        <GuideItemView item={data} />
      ) : (
        <GuideState kind={notFound ? 'notFound' : failed ? 'failed' : 'loading'} onRetry={retry}>
          {t('guide.item.notFound')}
        </GuideState>
      )}
    </GuideFrame>
  );
}
