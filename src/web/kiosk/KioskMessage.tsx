// A whole-screen message: not set up, connecting, cannot reach the server.
import { LoadingOutlined, ToolOutlined } from '@ant-design/icons';

export function KioskMessage({ tone, title, lines = [] }: { tone: 'setup' | 'wait'; title: string; lines?: string[] }) {
  return (
    <div className="ck-kiosk ck-kiosk-message" role="status">
      <div className="ck-kiosk-message-icon">{tone === 'setup' ? <ToolOutlined /> : <LoadingOutlined />}</div>
      <h1>{title}</h1>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
