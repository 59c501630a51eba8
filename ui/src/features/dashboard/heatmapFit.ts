// Fitting the heat map's diagram into its canvas with its badges. Badges keep their size on
// screen whatever the zoom, so "fit the diagram" alone leaves the badge of a step at the edge
// (the end event's, widest with many cases) partly outside the canvas. The fitted view here
// makes room for every badge: the largest zoom at which the diagram and all badges fit.

/** A rectangle in the diagram's own coordinates. */
export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A badge: where its top-left corner is pinned (diagram coordinates) and its size in px. */
export interface PinnedBadge {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A viewbox for bpmn-js's canvas: the part of the diagram shown, and its scale (px per unit). */
export interface Viewbox extends DiagramBox {
  scale: number;
}

/** Space in px at each edge of the canvas, inside which the diagram and its badges are kept. */
export const FIT_MARGIN = 8;

/** The extent in px along one axis, at a scale, of the diagram and its badges. */
function extent(
  scale: number,
  start: number,
  size: number,
  badges: readonly { at: number; size: number }[],
): { low: number; high: number } {
  let low = start * scale;
  let high = (start + size) * scale;
  for (const b of badges) {
    low = Math.min(low, b.at * scale);
    high = Math.max(high, b.at * scale + b.size);
  }
  return { low, high };
}

/**
 * The viewbox showing the whole diagram and every badge inside a canvas of the given size (px),
 * as large as the margins allow, centred on both axes.
 */
export function fittedViewbox(
  canvas: { width: number; height: number },
  diagram: DiagramBox,
  badges: readonly PinnedBadge[],
  margin = FIT_MARGIN,
): Viewbox {
  if (canvas.width <= 0 || canvas.height <= 0) {
    throw new Error(`the canvas has no area (${canvas.width} × ${canvas.height} px)`);
  }
  if (diagram.width <= 0 || diagram.height <= 0) {
    throw new Error(`the diagram has no area (${diagram.width} × ${diagram.height})`);
  }
  const room = { width: canvas.width - 2 * margin, height: canvas.height - 2 * margin };
  const xs = badges.map((b) => ({ at: b.x, size: b.width }));
  const ys = badges.map((b) => ({ at: b.y, size: b.height }));
  const fits = (scale: number) => {
    const x = extent(scale, diagram.x, diagram.width, xs);
    const y = extent(scale, diagram.y, diagram.height, ys);
    return x.high - x.low <= room.width && y.high - y.low <= room.height;
  };
  // the scale at which the bare diagram fills the room; badges only ever lower it
  const bare = Math.min(room.width / diagram.width, room.height / diagram.height);
  let scale = bare;
  if (!fits(bare)) {
    // the extent grows with the scale: bisect for the largest scale that fits
    let low = 0;
    let high = bare;
    for (let i = 0; i < 40; i++) {
      const mid = (low + high) / 2;
      if (fits(mid)) low = mid;
      else high = mid;
    }
    // a badge wider than the canvas fits at no scale: then show the diagram as it fits alone
    scale = low > 0 ? low : bare;
  }
  const x = extent(scale, diagram.x, diagram.width, xs);
  const y = extent(scale, diagram.y, diagram.height, ys);
  // centre the extent: the px left of it, converted back to diagram units
  return {
    x: (x.low - (canvas.width - (x.high - x.low)) / 2) / scale,
    y: (y.low - (canvas.height - (y.high - y.low)) / 2) / scale,
    width: canvas.width / scale,
    height: canvas.height / scale,
    scale,
  };
}
