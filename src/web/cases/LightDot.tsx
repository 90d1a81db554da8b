// R-15 supervision light as a coloured dot with its word (正常 / 预警 / 超期).
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Light } from '../api/case-types';
import './cases.css';

export const LIGHT_COLORS: Readonly<Record<Light, string>> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

export function LightDot({ light, withText = false }: { light: Light | null; withText?: boolean }) {
  const { t } = useTranslation();
  if (!light) return <span className="ck-light ck-light-none" aria-hidden />;
  const text = t(`cases.light.${light}`);
  const dot = <span className={`ck-light ck-light-${light}`} role="img" aria-label={text} data-light={light} />;
  if (!withText) return <Tooltip title={text}>{dot}</Tooltip>;
  return (
    <span className="ck-light-text" style={{ color: LIGHT_COLORS[light] }}>
      {dot}
      {text}
    </span>
  );
}
