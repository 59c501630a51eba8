// The deployed export-licence.bpmn drawn by bpmn-js (NavigatedViewer: pan and zoom), each place
// where cases wait badged with its figures and coloured by its p90 time. Loaded lazily.
import { useEffect, useRef, useState } from "react";
import { Button, Flex } from "@patternfly/react-core";
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import "bpmn-js/dist/assets/diagram-js.css";
import "bpmn-js/dist/assets/bpmn-js.css";
import "./dashboard.css";
import type { HeatmapElement } from "../../api/staff";
import { badgeLabel, fittedHeight, heatScale } from "./heatmapColour";
import { fittedViewbox, type DiagramBox, type PinnedBadge, type Viewbox } from "./heatmapFit";

interface Overlays {
  add(
    element: string,
    overlay: { position: Record<string, number>; html: HTMLElement; scale: false },
  ): string;
  clear(): void;
}
interface Canvas {
  resized(): void;
  viewbox(): Viewbox & { inner: DiagramBox };
  viewbox(box: DiagramBox): void;
}
interface ZoomScroll {
  stepZoom(delta: number): void;
}

interface ElementRegistry {
  get(id: string): { id: string } | undefined;
  getGraphics(id: string): SVGElement | undefined;
}
interface EventBus {
  on(event: string, callback: (e: { element: { id: string } }) => void): void;
}

export default function BpmnHeatmap({
  xml,
  elements,
  onOpen,
}: {
  xml: string;
  elements: HeatmapElement[];
  onOpen: (elementId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const openRef = useRef(onOpen);
  const [error, setError] = useState<string | null>(null);
  openRef.current = onOpen;

  // The canvas takes the diagram's proportions at the width it has (no tall empty space under
  // a wide process), and the whole diagram is fitted into it with its badges, centred; again on
  // every resize.
  const fit = () => {
    const instance = viewer.current;
    const element = container.current;
    if (!instance || !element) return;
    const canvas = instance.get<Canvas>("canvas");
    const height = fittedHeight(element.clientWidth, canvas.viewbox().inner);
    if (element.style.height !== `${height}px`) {
      element.style.height = `${height}px`;
      canvas.resized();
    }
    // where each badge is pinned, in diagram units, and its size on screen (it does not scale)
    const view = canvas.viewbox();
    const frame = element.getBoundingClientRect();
    const left = frame.left + element.clientLeft;
    const top = frame.top + element.clientTop;
    const badges: PinnedBadge[] = [...element.querySelectorAll(".clearance-heat-badge")].map(
      (badge) => {
        const r = badge.getBoundingClientRect();
        return {
          x: view.x + (r.left - left) / view.scale,
          y: view.y + (r.top - top) / view.scale,
          width: r.width,
          height: r.height,
        };
      },
    );
    if (element.clientWidth <= 0 || element.clientHeight <= 0 || view.inner.width <= 0) return;
    const {
      x,
      y,
      width,
      height: h,
    } = fittedViewbox(
      { width: element.clientWidth, height: element.clientHeight },
      view.inner,
      badges,
    );
    canvas.viewbox({ x, y, width, height: h });
  };
  const fitRef = useRef(fit);
  fitRef.current = fit;

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    let width = container.current.clientWidth;
    const observer =
      typeof ResizeObserver === "undefined"
        ? undefined
        : new ResizeObserver(([entry]) => {
            if (Math.abs(entry.contentRect.width - width) < 1) return;
            width = entry.contentRect.width;
            fitRef.current();
          });
    observer?.observe(container.current);
    return () => {
      observer?.disconnect();
      instance.destroy();
      viewer.current = null;
    };
  }, []);

  const zoom = (delta: number) => viewer.current?.get<ZoomScroll>("zoomScroll").stepZoom(delta);

  useEffect(() => {
    const instance = viewer.current;
    if (!instance) return;
    let cancelled = false;
    instance
      .importXML(xml)
      .then(() => {
        if (cancelled) return;
        const overlays = instance.get<Overlays>("overlays");
        const registry = instance.get<ElementRegistry>("elementRegistry");
        const bus = instance.get<EventBus>("eventBus");
        overlays.clear();
        const colour = heatScale(elements);
        const places = new Set(elements.map((e) => e.elementId));
        for (const element of elements) {
          if (!registry.get(element.elementId)) continue;
          const heat = colour(element.p90Hours);
          const shape = registry.getGraphics(element.elementId)?.querySelector(".djs-visual > *");
          if (shape instanceof SVGElement) {
            shape.style.fill = heat.fill;
            shape.style.stroke = heat.stroke;
          }
          const badge = document.createElement("button");
          badge.type = "button";
          badge.className = "clearance-heat-badge" + (element.overdueNow > 0 ? " is-overdue" : "");
          const label = badgeLabel(element);
          badge.textContent = label.shown;
          badge.setAttribute("aria-label", label.name);
          badge.addEventListener("click", () => openRef.current(element.elementId));
          // badges keep their size whatever the zoom (overlays scale with the diagram by default,
          // which made them unreadable once a wide process was fitted into the page)
          overlays.add(element.elementId, {
            position: { top: -12, right: 12 },
            html: badge,
            scale: false,
          });
        }
        bus.on("element.click", (e) => {
          if (places.has(e.element.id)) openRef.current(e.element.id);
        });
        // fitted once the badges are on: their sizes decide how much room the view leaves
        fit();
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [xml, elements]);

  return (
    <>
      {error && <p role="alert">The diagram could not be drawn: {error}</p>}
      <Flex className="pf-v6-u-mb-sm" spaceItems={{ default: "spaceItemsSm" }}>
        <Button variant="secondary" size="sm" onClick={() => zoom(1)}>
          Zoom in
        </Button>
        <Button variant="secondary" size="sm" onClick={() => zoom(-1)}>
          Zoom out
        </Button>
        <Button variant="secondary" size="sm" onClick={() => fit()}>
          Fit the diagram
        </Button>
      </Flex>
      <div
        ref={container}
        className="clearance-bpmn"
        role="region"
        aria-label="Process diagram of export-licence.bpmn with case counts"
      />
    </>
  );
}
