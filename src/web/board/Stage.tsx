// A fixed 1920×1080 stage scaled to fit the window: the layout is designed once, for the TV,
// and stays proportionate on a 1280×720 screen (or letterboxed on any other shape).
import type { ReactNode } from 'react';
import { STAGE_HEIGHT, STAGE_WIDTH, useFitScale } from './useScreen';

export function Stage({ children }: { children: ReactNode }) {
  const scale = useFitScale();
  return (
    <div
      className="ckb-stage"
      style={{
        width: STAGE_WIDTH,
        height: STAGE_HEIGHT,
        transform: `translate(-50%, -50%) scale(${scale})`,
      }}
    >
      {children}
    </div>
  );
}
