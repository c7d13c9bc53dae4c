import type { Dispatch, ReactNode, SetStateAction } from 'react';
import type { CanvasView } from './NorthStarCanvas';
import type { NorthStarTreeModel } from './northStarTree.types';

/** The what-if toggle (when core's `whatIf` was given) and the zoom buttons: out, fit, in. */
export function NorthStarToolbar({
  model,
  setView,
}: {
  readonly model: NorthStarTreeModel;
  readonly setView: Dispatch<SetStateAction<CanvasView>>;
}): ReactNode {
  const { fmt } = model;
  return (
    <div className="kpikit-north-star__toolbar">
      {model.canWhatIf ? (
        <button
          type="button"
          className="kpikit-north-star__button"
          aria-pressed={model.whatIfMode}
          onClick={() => {
            model.setWhatIfMode(!model.whatIfMode);
          }}
        >
          {fmt.t('northStar.whatIf')}
        </button>
      ) : (
        <span />
      )}
      <span className="kpikit-north-star__zoom">
        <button
          type="button"
          className="kpikit-north-star__button"
          aria-label={fmt.t('northStar.zoomOut')}
          onClick={() => {
            setView((v) => ({ ...v, k: Math.max(0.25, v.k / 1.25) }));
          }}
        >
          −
        </button>
        <button
          type="button"
          className="kpikit-north-star__button"
          onClick={() => {
            setView({ x: 0, y: 0, k: 1 });
          }}
        >
          {fmt.t('northStar.fit')}
        </button>
        <button
          type="button"
          className="kpikit-north-star__button"
          aria-label={fmt.t('northStar.zoomIn')}
          onClick={() => {
            setView((v) => ({ ...v, k: Math.min(4, v.k * 1.25) }));
          }}
        >
          +
        </button>
      </span>
    </div>
  );
}
