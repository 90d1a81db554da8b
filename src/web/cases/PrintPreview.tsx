// A printable page from the server (一次性告知书, 受理回执, 不予受理告知书) in a frame: the staff
// member sees what will be handed over, and it is sent to the printer once it has loaded. The
// frame is same-origin, so printing it prints the document only, not the console around it.
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, QRCode, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PrintJob {
  /** The page's URL under /api/v1 (casePrintUrls). */
  url: string;
  title: string;
  /** The case tracking link ("/c/…?token=…"), shown as a QR code to scan on the spot. */
  trackUrl?: string | null;
  /** A line above the frame, e.g. the deadline just set. */
  intro?: ReactNode;
}

function absolute(path: string): string {
  return typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
}

export function PrintPreview({ job, onClose, autoPrint = true }: { job: PrintJob; onClose: () => void; autoPrint?: boolean }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [loaded, setLoaded] = useState(false);
  const printedOnce = useRef(false);

  const print = () => {
    const win = frame.current?.contentWindow;
    if (!win) return;
    win.focus();
    win.print();
  };

  useEffect(() => {
    if (!loaded || !autoPrint || printedOnce.current) return;
    printedOnce.current = true;
    // Let the frame lay out its fonts and QR code before the print dialog freezes it.
    const timer = setTimeout(print, 300);
    return () => clearTimeout(timer);
  }, [loaded, autoPrint]);

  const track = job.trackUrl && job.trackUrl.includes('token=') ? absolute(job.trackUrl) : null;

  return (
    <Modal
      open
      title={job.title}
      width={1080}
      onCancel={onClose}
      wrapClassName="ck-case-modal"
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" gap={12}>
          <Typography.Text type="secondary">{t('cases.print.hint')}</Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose} data-testid="print-close">
              {t('common.close')}
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={print} disabled={!loaded} data-testid="print-again">
              {t('cases.print.print')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <div data-testid="print-preview">
        {job.intro}
        <Flex gap={16} align="start">
          <div className="ck-print-frame-wrap">
            {!loaded && (
              <Flex justify="center" align="center" className="ck-print-loading">
                <Spin />
              </Flex>
            )}
            <iframe
              ref={frame}
              src={job.url}
              title={job.title}
              className="ck-print-frame"
              onLoad={() => setLoaded(true)}
              data-testid="print-frame"
            />
          </div>
          {track && (
            <Flex vertical align="center" gap={8} className="ck-print-qr" data-testid="track-link">
              <QRCode value={track} type="svg" size={156} errorLevel="M" />
              <Typography.Text strong>{t('cases.print.scan')}</Typography.Text>
              <Typography.Paragraph type="secondary" copyable={{ text: track }} className="ck-print-link">
                {t('cases.print.trackLink')}
              </Typography.Paragraph>
            </Flex>
          )}
        </Flex>
      </div>
    </Modal>
  );
}
