import { useEffect, useRef, useState } from "react";
import { Spinner } from "@patternfly/react-core";
import type { ECharts } from "echarts/core";
import type { ChartModel, ChartPick } from "./chartOptions";
import { loadEcharts } from "./dashboardQuery";

// Charts are drawn one per task, not all seven in one: the browser paints each as it is ready
// and stays responsive to input in between, instead of freezing until the last one is drawn.
let turns: Promise<void> = Promise.resolve();
function nextTurn(): Promise<void> {
  turns = turns.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return turns;
}

/**
 * One ECharts chart (SVG, aria description on), loaded lazily. A click on a bar or point calls
 * onPick with what it stands for; keyboard users get the same through the links under the chart.
 */
export function Chart({
  model,
  label,
  onPick,
  height = 260,
}: {
  model: ChartModel;
  label: string;
  onPick: (pick: ChartPick) => void;
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pickRef = useRef(onPick);
  const modelRef = useRef(model);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState(false);
  pickRef.current = onPick;
  modelRef.current = model;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let instance: ECharts | null = null;
    let size: { width: number; height: number } | null = null;
    // The chart is drawn at the size the observer reports after the browser's own layout:
    // looked up by ECharts instead (the element's computed style), each of the seven charts
    // would force the browser to lay out the whole page again.
    let sized: () => void = () => {};
    const firstSize = new Promise<void>((resolve) => {
      sized = resolve;
    });
    const observer =
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver(([entry]) => {
            const { width, height } = entry.contentRect;
            if (width === 0 || height === 0) return; // hidden: keep the last size
            if (size && size.width === width && size.height === height) return;
            size = { width, height };
            if (instance) instance.resize(size);
            else sized();
          });
    if (observer) observer.observe(element);
    else {
      size = { width: element.clientWidth, height: element.clientHeight };
      sized();
    }
    Promise.all([loadEcharts(), firstSize])
      .then(([echarts]) => nextTurn().then(() => echarts))
      .then(({ init }) => {
        if (disposed || !size) return;
        instance = init(element, undefined, { renderer: "svg", ...size });
        chart.current = instance;
        instance.setOption(modelRef.current.option);
        instance.on("click", (event) => {
          const pick = modelRef.current.pick(event.seriesIndex ?? 0, event.dataIndex ?? 0);
          if (pick) pickRef.current(pick);
        });
        setDrawn(true);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(model.option, true);
  }, [model]);

  if (failed) {
    return (
      <p>The chart could not be drawn; the figures are in the CSV export and the links below.</p>
    );
  }
  return (
    <div className="clearance-chart-frame" style={{ height }}>
      {!drawn && (
        <Spinner
          size="lg"
          className="clearance-chart-spinner"
          aria-label={`Drawing the chart “${label}”`}
        />
      )}
      <div
        ref={container}
        role="img"
        aria-label={label}
        aria-busy={!drawn}
        className="clearance-chart"
        style={{ height, width: "100%" }}
      />
    </div>
  );
}
