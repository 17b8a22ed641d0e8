import { useCallback, useEffect, useRef } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stroke } from '../draft.ts';

/** Pen width as a share of the pad's width, so the line looks the same on screen and in the PNG. */
const PEN = 0.008;
const INK = '#111827';

/** Smooth strokes: quadratic curves through the midpoints of successive points. */
function drawStrokes(context: CanvasRenderingContext2D, strokes: Stroke[], width: number, height: number) {
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = Math.max(1.5, width * PEN);
  for (const stroke of strokes) drawStroke(context, stroke, width, height);
}

function drawStroke(context: CanvasRenderingContext2D, stroke: Stroke, width: number, height: number) {
  const x = (i: number) => stroke[i]! * width;
  const y = (i: number) => stroke[i + 1]! * height;
  const points = stroke.length / 2;
  if (points === 0) return;
  if (points === 1) {
    context.beginPath();
    context.arc(x(0), y(0), context.lineWidth / 2, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.beginPath();
  context.moveTo(x(0), y(0));
  for (let p = 1; p < points - 1; p++) {
    const i = p * 2;
    context.quadraticCurveTo(x(i), y(i), (x(i) + x(i + 2)) / 2, (y(i) + y(i + 2)) / 2);
  }
  const last = (points - 1) * 2;
  context.lineTo(x(last), y(last));
  context.stroke();
}

/** The signature as a PNG (transparent background, 800 × 400) for upload. */
export function signaturePng(strokes: Stroke[]): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 400;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('no 2d context'));
  drawStrokes(context, strokes, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
}

const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

interface Props {
  strokes: Stroke[];
  /** Called when a stroke ends or the pad is cleared. */
  onChange: (strokes: Stroke[]) => void;
}

/**
 * A canvas the party signs on with finger or stylus (pointer events, so mouse works too).
 * Strokes are kept normalised to the pad, so the drawing survives a reload and a rotation.
 */
export function SignaturePad({ strokes, onChange }: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);
  const strokesRef = useRef(strokes);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = canvas.getBoundingClientRect();
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    drawStrokes(context, current.current ? [...strokesRef.current, current.current] : strokesRef.current, width, height);
  }, []);

  useEffect(() => {
    strokesRef.current = strokes;
    redraw();
  }, [strokes, redraw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => redraw());
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw]);

  const pointOf = (event: { clientX: number; clientY: number }) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return [round((event.clientX - rect.left) / rect.width), round((event.clientY - rect.top) / rect.height)] as const;
  };

  const down = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    current.current = [...pointOf(event)];
    redraw();
  };

  const move = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const stroke = current.current;
    if (!stroke) return;
    event.preventDefault();
    const native = event.nativeEvent;
    const events = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    for (const sample of events.length ? events : [native]) {
      const [x, y] = pointOf(sample);
      if (x !== stroke[stroke.length - 2] || y !== stroke[stroke.length - 1]) stroke.push(x, y);
    }
    redraw();
  };

  const up = () => {
    const stroke = current.current;
    current.current = null;
    if (stroke) onChange([...strokesRef.current, stroke]);
  };

  return (
    <div className="axm-signature">
      <canvas
        ref={canvasRef}
        data-testid="m-signature-pad"
        aria-label={t('mobile.sign.padHint')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div className="axm-signature-line" />
      {strokes.length === 0 && <div className="axm-signature-hint">{t('mobile.sign.padHint')}</div>}
      {strokes.length > 0 && (
        <button type="button" className="axm-signature-clear" onClick={() => onChange([])}>
          {t('mobile.sign.clear')}
        </button>
      )}
    </div>
  );
}
